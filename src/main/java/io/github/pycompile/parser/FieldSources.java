package io.github.pycompile.parser;

import io.github.pycompile.ast.Ast;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * 3.6 to 3.8: where each f-string field's expression was parsed from. Their {@code ast.c} parses a
 * field as the text {@code (expr)} on its own and then moves the resulting nodes to a place found by
 * searching the atom's first token (or, failing that, to that token's start). So a node's position
 * inside a field speaks of columns of that parenthesized text laid over the line, not of the file's
 * own tokens there (a field of a second concatenated string lands over the first string's text).
 * {@link Ll1Trees} reads a field's own text from here to place the nodes whose 3.6/3.7 start is
 * a token of it, and the nodes over several lines whose 3.8 end was moved with the field's first line.
 */
final class FieldSources {
    /** A field's parenthesized source, its '(' placed at (line, col); its later lines keep their columns. */
    record Placed(String parenthesized, int line, int col) {
        /**
         * The UTF-8 bytes of the field's source line that lies on file line {@code at}, and the file
         * column of its first byte; null if the field's source has no such line.
         */
        Line line(int at) {
            int k = at - line;
            if (k < 0) {
                return null;
            }
            int from = 0;
            for (int i = 0; i < k; i++) {
                from = parenthesized.indexOf('\n', from) + 1;
                if (from == 0) {
                    return null;
                }
            }
            int to = parenthesized.indexOf('\n', from);
            String text = parenthesized.substring(from, to < 0 ? parenthesized.length() : to);
            return new Line(text.getBytes(StandardCharsets.UTF_8), k == 0 ? col : 0);
        }

        /**
         * The (line, column) of the first byte at or after (at, col) that is not a space, tab, form
         * feed or line break; null if there is none.
         */
        int[] skipBlanks(int at, int col) {
            for (int l = at; ; l++) {
                Line text = line(l);
                if (text == null) {
                    return null;
                }
                for (int i = Math.max(0, (l == at ? col : 0) - text.startCol()); i < text.bytes().length; i++) {
                    byte b = text.bytes()[i];
                    if (b != ' ' && b != '\t' && b != '\f' && b != '\r') {
                        return new int[] {l, text.startCol() + i};
                    }
                }
            }
        }

        /**
         * The (line, column) of the bracket closing the one at (at, col), over lines; null if it is
         * not found or a quote comes first (a string inside is not scanned).
         */
        int[] closing(int at, int col) {
            int depth = 0;
            for (int l = at; ; l++) {
                Line text = line(l);
                if (text == null) {
                    return null;
                }
                for (int i = Math.max(0, (l == at ? col : 0) - text.startCol()); i < text.bytes().length; i++) {
                    byte b = text.bytes()[i];
                    if (b == '\'' || b == '"') {
                        return null;
                    } else if (b == '(' || b == '[' || b == '{') {
                        depth++;
                    } else if ((b == ')' || b == ']' || b == '}') && --depth == 0) {
                        return new int[] {l, text.startCol() + i};
                    }
                }
            }
        }

        /**
         * The line of the first of the opening parentheses right before (at, col), spaces and line
         * breaks between them skipped; {@code at} itself when there are none.
         */
        int openingLine(int at, int col) {
            int found = at;
            for (int l = at; l >= line; l--) {
                Line text = line(l);
                int i = (l == at ? col : text.startCol() + text.bytes().length) - text.startCol() - 1;
                for (; i >= 0; i--) {
                    byte b = text.bytes()[i];
                    if (b == '(') {
                        found = l;
                    } else if (b != ' ' && b != '\t' && b != '\f') {
                        return found;
                    }
                }
            }
            return found;
        }
    }

    /** One line of a field's source as bytes, and the file column of its first byte. */
    record Line(byte[] bytes, int startCol) {
    }

    private Map<Ast.Expr, Placed> placed;

    /** Records that {@code value} was parsed from {@code parenthesized} placed at (line, col). */
    void put(Ast.Expr value, String parenthesized, int line, int col) {
        if (placed == null) {
            placed = new IdentityHashMap<>();
        }
        placed.put(value, new Placed(parenthesized, line, col));
    }

    /** Where the field whose expression is {@code value} (this very node) came from, or null. */
    Placed of(Object value) {
        return placed == null || !(value instanceof Ast.Expr e) ? null : placed.get(e);
    }
}
