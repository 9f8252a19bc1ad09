package io.github.pycompile.tokenizer;

import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;

/**
 * 3.12+'s f-string (PEP 701) and 3.14's t-string scanning: FSTRING_START, then FSTRING_MIDDLE parts
 * and regular tokens for the replacement fields, then FSTRING_END.
 */
final class FStrings {
    private static final int MAXFSTRINGLEVEL = 150;
    private static final int MAX_EXPR_NESTING = 3;

    private FStrings() {}

    /** The prefix and opening quote {@code quote} read: FSTRING_START, pushing a mode. */
    static Token start(Tokenizer tk, int quote, boolean tstring) throws PythonError {
        int quoteSize = 1;
        int after = tk.read();
        if (after == quote) {
            int afterAfter = tk.read();
            if (afterAfter == quote) {
                quoteSize = 3;
            } else {
                tk.unread(afterAfter);
                tk.unread(after);
            }
        }
        if (after != quote) {
            tk.unread(after);
        }
        if (tk.modes().size() >= MAXFSTRINGLEVEL) {
            throw tk.direct(tk.syntaxError("too many nested " + (tstring ? "t-strings" : "f-strings")));
        }
        FStringMode m = new FStringMode();
        m.inFStringMode = true;
        m.tstring = tstring;
        m.quote = quote;
        m.quoteSize = quoteSize;
        m.start = tk.tokStart();
        m.startLine = tk.tokLine();
        m.startLineStart = tk.tokLineStart();
        String src = tk.src();
        for (int i = tk.tokStart(); i < tk.cur(); i++) {
            char c = src.charAt(i);
            if (c == 'r' || c == 'R') {
                m.raw = true;
            }
        }
        tk.modes().add(m);
        return tk.token(tstring ? TokenKind.TSTRING_START : TokenKind.FSTRING_START, tk.tokStart(), tk.cur());
    }

    /** CPython's {@code tok_get_fstring_mode}: the literal part, FSTRING_END, or the next regular token. */
    static Token fstringModeToken(Tokenizer tk, FStringMode m) throws PythonError {
        TokenKind middle = m.tstring ? TokenKind.TSTRING_MIDDLE : TokenKind.FSTRING_MIDDLE;
        tk.beginToken(tk.cur());
        int start = tk.tokStart();
        int startLine = tk.tokLine();
        int startLineStart = tk.tokLineStart();
        int startChar = tk.read();
        if (startChar == '{') {
            int peek1 = tk.read();
            tk.unread(peek1);
            tk.unread(startChar);
            if (peek1 != '{') {
                openField(tk, m);
                return tk.regularToken(m);
            }
        } else {
            tk.unread(startChar);
        }
        boolean atEnd = true;
        for (int i = 0; i < m.quoteSize; i++) {
            int q = tk.read();
            if (q != m.quote) {
                tk.unread(q);
                atEnd = false;
                break;
            }
        }
        if (atEnd) {
            tk.modes().remove(tk.modes().size() - 1);
            return tk.token(m.tstring ? TokenKind.TSTRING_END : TokenKind.FSTRING_END, start, tk.cur(), startLine,
                    startLineStart);
        }
        boolean unicodeEscape = false;
        int endQuoteSize = 0;
        while (endQuoteSize != m.quoteSize) {
            int c = tk.read();
            if (c < 0 || m.quoteSize == 1 && c == '\n') {
                if (m.inFormatSpec && c == '\n' && !tk.target().atLeast(PythonVersion.V3_13)) {
                    tk.unread(c);
                    m.inFStringMode = false;
                    return tk.token(middle, start, tk.cur(), startLine, startLineStart);
                }
                if (m.inFormatSpec && c == '\n') {
                    throw tk.direct(tk.syntaxError("f-string: newlines are not allowed in format specifiers for single"
                            + " quoted f-strings"));
                }
                tk.beginToken(m.start);
                throw tk.unterminatedString(c, m.quote, m.quoteSize, m.startLine, m.startLineStart, true);
            }
            if (c == m.quote) {
                endQuoteSize++;
                continue;
            }
            endQuoteSize = 0;
            if (c == '{') {
                int peek = tk.read();
                if (peek != '{' || m.inFormatSpec) {
                    tk.unread(peek);
                    tk.unread(c);
                    openField(tk, m);
                    return tk.token(middle, start, tk.cur(), startLine, startLineStart);
                }
                return doubledBrace(tk.token(middle, start, tk.cur() - 1, startLine, startLineStart));
            } else if (c == '}') {
                if (unicodeEscape) {
                    return tk.token(middle, start, tk.cur(), startLine, startLineStart);
                }
                int peek = tk.read();
                if (peek == '}' && !m.inFormatSpec && m.curlyDepth == 0) {
                    return doubledBrace(tk.token(middle, start, tk.cur() - 1, startLine, startLineStart));
                }
                tk.unread(peek);
                tk.unread(c);
                m.inFStringMode = false;
                m.inFormatSpec = false;
                return tk.token(middle, start, tk.cur(), startLine, startLineStart);
            } else if (c == '\\') {
                int peek = tk.read();
                if (peek == '{' || peek == '}') {
                    if (!m.raw) {
                        warnEscape(tk, (char) peek);
                    }
                    tk.unread(peek);
                    continue;
                }
                if (!m.raw && peek == 'N') {
                    peek = tk.read();
                    if (peek == '{') {
                        unicodeEscape = true;
                    } else {
                        tk.unread(peek);
                    }
                }
            }
        }
        for (int i = 0; i < m.quoteSize; i++) {
            tk.unread(m.quote);
        }
        return tk.token(middle, start, tk.cur(), startLine, startLineStart);
    }

    /**
     * A literal part ended by a doubled brace: its text stops after the first brace, but its end
     * column, as CPython's parser receives it (the tokenizer's column after every char read), after
     * the second one.
     */
    private static Token doubledBrace(Token t) {
        return new Token(t.kind(), t.text(), t.startLine(), t.startCol(), t.endLine(), t.endCol() + 1, t.startIndex(),
                t.endIndex());
    }

    private static void openField(Tokenizer tk, FStringMode m) throws PythonError {
        m.exprStartDepth++;
        if (m.exprStartDepth >= MAX_EXPR_NESTING) {
            throw tk.direct(tk.syntaxError((m.tstring ? "t-string" : "f-string") + ": expressions nested too deeply"));
        }
        m.inFStringMode = false;
        m.inFormatSpec = false;
    }

    /** The invalid-escape warning 3.12+'s tokenizer gives for a backslash before a brace. */
    private static void warnEscape(Tokenizer tk, char c) {
        if (tk.target().atLeast(PythonVersion.V3_14)) {
            tk.warn("SyntaxWarning", "\"\\" + c + "\" is an invalid escape sequence. Such sequences will not work in the"
                    + " future. Did you mean \"\\\\" + c + "\"? A raw string is also an option.");
        } else {
            tk.warn("SyntaxWarning", "invalid escape sequence '\\" + c + "'");
        }
    }
}
