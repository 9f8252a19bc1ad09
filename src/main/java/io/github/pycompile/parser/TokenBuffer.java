package io.github.pycompile.parser;

import io.github.pycompile.tokenizer.Token;

/**
 * The tokens a parser has read so far, in order: a growable array with the few list operations the
 * parser uses ({@code get}, {@code size}, {@code add}, {@code indexOf}). Read on every look at the
 * current token, so it is a plain array rather than a {@code List}: {@link #at} is one bounds check and
 * one load. Both passes of a parse share one buffer (the error pass reads the same tokens again).
 */
final class TokenBuffer {
    private Token[] items;
    private int size;

    TokenBuffer() {
        this(256);
    }

    /** A buffer with room for {@code expected} tokens before it grows (a source has about one per 5 chars). */
    TokenBuffer(int expected) {
        items = new Token[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Token get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return items[i];
    }

    /** The backing array: its first {@link #size()} elements are the tokens (a new array after growth). */
    Token[] array() {
        return items;
    }

    void add(Token t) {
        if (size == items.length) {
            items = java.util.Arrays.copyOf(items, size * 2);
        }
        items[size++] = t;
    }

    /** The index of the first token equal to {@code t}, or -1 (as {@code List.indexOf}). */
    int indexOf(Token t) {
        for (int i = 0; i < size; i++) {
            if (items[i].equals(t)) {
                return i;
            }
        }
        return -1;
    }
}
