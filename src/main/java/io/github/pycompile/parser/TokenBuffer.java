package io.github.pycompile.parser;

import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;

/**
 * The tokens a parser has read so far, in order: a growable array with the few list operations the
 * parser uses ({@code get}, {@code size}, {@code add}, {@code indexOf}). Read on every look at the
 * current token, so it is a plain array rather than a {@code List}: {@link #at} is one bounds check and
 * one load. Both passes of a parse share one buffer (the error pass reads the same tokens again).
 */
final class TokenBuffer {
    private Token[] items;
    /** Each token's kind, beside it: the parser's look at the next token's kind reads one array. */
    private TokenKind[] kinds;
    private int size;

    TokenBuffer() {
        this(256);
    }

    /** A buffer with room for {@code expected} tokens before it grows (a source has about one per 5 chars). */
    TokenBuffer(int expected) {
        items = new Token[Math.max(16, expected)];
        kinds = new TokenKind[items.length];
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

    /** The last token's kind, or null when there is none. */
    TokenKind lastKind() {
        return size == 0 ? null : kinds[size - 1];
    }

    /** The kinds array: its first {@link #size()} elements are the tokens' kinds (a new array after growth). */
    TokenKind[] kinds() {
        return kinds;
    }

    void add(Token t) {
        if (size == items.length) {
            items = java.util.Arrays.copyOf(items, size * 2);
            kinds = java.util.Arrays.copyOf(kinds, size * 2);
        }
        kinds[size] = t.kind();
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
