package io.github.pycompile.tokenizer;

import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;

/**
 * Number literals as each CPython tokenizer scans them: 2.x (old octals, {@code L} suffixes, "invalid
 * token"), 3.6/3.7 (underscores, "invalid token"), 3.8/3.9 (a message per kind of literal) and 3.10+
 * (also checking what follows the literal: an error before a name, a warning before a keyword).
 */
final class Numbers {
    private final Tokenizer tk;
    private final PythonVersion v;
    private final boolean py2;
    private final boolean messages; // 3.8+: syntaxerror() with a message instead of E_TOKEN
    private final boolean v310;

    private Numbers(Tokenizer tk) {
        this.tk = tk;
        this.v = tk.target();
        this.py2 = v.isPython2();
        this.messages = v.atLeast(PythonVersion.V3_8);
        this.v310 = v.atLeast(PythonVersion.V3_10);
    }

    /** A number whose first digit {@code c} has been read. */
    static Token number(Tokenizer tk, int c) throws PythonError {
        return new Numbers(tk).scan(c);
    }

    /** A number starting with '.', the digit after it ({@code c}) read. */
    static Token fraction(Tokenizer tk, int c) throws PythonError {
        Numbers n = new Numbers(tk);
        return n.py2 ? n.finishPy2(n.fraction2(c)) : n.finish(n.fractionTail(c));
    }

    private int next() throws PythonError {
        return tk.read();
    }

    private void back(int c) {
        tk.unread(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** An invalid literal: E_TOKEN before 3.8, else CPython's message at the current position. */
    private PythonError bad(String msg) {
        if (!messages) {
            return tk.code(Tokenizer.Code.TOKEN);
        }
        return tk.direct(tk.syntaxError(msg));
    }

    // ------------------------------------------------------------------ 2.x

    private Token scan(int c) throws PythonError {
        if (py2) {
            return finishPy2(scanPy2(c));
        }
        return finish(scan3(c));
    }

    private int scanPy2(int c) throws PythonError {
        if (c == '0') {
            c = next();
            if (c == '.') {
                return fraction2(next());
            }
            if (c == 'j' || c == 'J') {
                return next();
            }
            if (c == 'x' || c == 'X') {
                c = next();
                if (!isHex(c)) {
                    back(c);
                    throw bad(null);
                }
                do {
                    c = next();
                } while (isHex(c));
            } else if (c == 'o' || c == 'O') {
                c = next();
                if (c < '0' || c >= '8') {
                    back(c);
                    throw bad(null);
                }
                do {
                    c = next();
                } while ('0' <= c && c < '8');
            } else if (c == 'b' || c == 'B') {
                c = next();
                if (c != '0' && c != '1') {
                    back(c);
                    throw bad(null);
                }
                do {
                    c = next();
                } while (c == '0' || c == '1');
            } else {
                boolean foundDecimal = false;
                while ('0' <= c && c < '8') {
                    c = next();
                }
                if (isDigit(c)) {
                    foundDecimal = true;
                    do {
                        c = next();
                    } while (isDigit(c));
                }
                if (c == '.') {
                    return fraction2(next());
                } else if (c == 'e' || c == 'E') {
                    return exponent2(c);
                } else if (c == 'j' || c == 'J') {
                    return next();
                } else if (foundDecimal) {
                    back(c);
                    throw bad(null);
                }
            }
            if (c == 'l' || c == 'L') {
                c = next();
            }
            return c;
        }
        do {
            c = next();
        } while (isDigit(c));
        if (c == 'l' || c == 'L') {
            return next();
        }
        if (c == '.') {
            return fraction2(next());
        }
        return afterFraction2(c);
    }

    private int fraction2(int c) throws PythonError {
        while (isDigit(c)) {
            c = next();
        }
        return afterFraction2(c);
    }

    private int afterFraction2(int c) throws PythonError {
        if (c == 'e' || c == 'E') {
            return exponent2(c);
        }
        if (c == 'j' || c == 'J') {
            return next();
        }
        return c;
    }

    /** Returns the char after the number; {@code Integer.MIN_VALUE} marks "already backed up". */
    private int exponent2(int e) throws PythonError {
        int c = next();
        if (c == '+' || c == '-') {
            c = next();
            if (!isDigit(c)) {
                back(c);
                throw bad(null);
            }
        } else if (!isDigit(c)) {
            back(c);
            if (v == PythonVersion.V2_6) {
                throw bad(null); // 2.6: an 'e' after digits always starts an exponent ("1else" is an error)
            }
            back(e);
            return BACKED_UP;
        }
        do {
            c = next();
        } while (isDigit(c));
        if (c == 'j' || c == 'J') {
            return next();
        }
        return c;
    }

    private static final int BACKED_UP = Integer.MIN_VALUE;

    private Token finishPy2(int c) {
        if (c != BACKED_UP) {
            back(c);
        }
        return tk.token(TokenKind.NUMBER, tk.tokStart(), tk.cur());
    }

    // ------------------------------------------------------------------ 3.x

    private Token finish(int c) {
        if (c != BACKED_UP) {
            back(c);
        }
        return tk.token(TokenKind.NUMBER, tk.tokStart(), tk.cur());
    }

    /** Digits with single underscores between them; returns the char after. */
    private int decimalTail() throws PythonError {
        int c;
        while (true) {
            do {
                c = next();
            } while (isDigit(c));
            if (c != '_') {
                return c;
            }
            c = next();
            if (!isDigit(c)) {
                back(c);
                throw bad("invalid decimal literal");
            }
        }
    }

    private int scan3(int c) throws PythonError {
        if (c == '0') {
            c = next();
            if (c == 'x' || c == 'X') {
                c = next();
                do {
                    if (c == '_') {
                        c = next();
                    }
                    if (!isHex(c)) {
                        back(c);
                        throw bad("invalid hexadecimal literal");
                    }
                    do {
                        c = next();
                    } while (isHex(c));
                } while (c == '_');
                endOfNumber(c, "hexadecimal");
                return c;
            }
            if (c == 'o' || c == 'O') {
                return radix(8, "octal");
            }
            if (c == 'b' || c == 'B') {
                return radix(2, "binary");
            }
            boolean nonzero = false;
            while (true) {
                if (c == '_') {
                    c = next();
                    if (!isDigit(c)) {
                        back(c);
                        throw bad("invalid decimal literal");
                    }
                }
                if (c != '0') {
                    break;
                }
                c = next();
            }
            int zerosEnd = tk.cur();
            if (isDigit(c)) {
                nonzero = true;
                c = decimalTail();
            }
            if (c == '.') {
                return fractionTail(next());
            } else if (c == 'e' || c == 'E') {
                return exponent(c);
            } else if (c == 'j' || c == 'J') {
                return imaginary();
            } else if (nonzero) {
                back(c);
                String msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
                if (v310) {
                    int ls = tk.lineStart();
                    throw tk.direct(tk.syntaxErrorRange(msg, tk.byteCol(ls, tk.tokStart()) + 1, tk.byteCol(ls, zerosEnd)));
                }
                throw bad(msg);
            }
            endOfNumber(c, "decimal");
            return c;
        }
        c = decimalTail();
        if (c == '.') {
            return fractionTail(next());
        }
        return afterFraction(c);
    }

    /** Octal or binary digits after the prefix. */
    private int radix(int base, String kind) throws PythonError {
        int c = next();
        do {
            if (c == '_') {
                c = next();
            }
            if (c < '0' || c >= '0' + base) {
                if (isDigit(c) && v310) {
                    throw bad("invalid digit '" + (char) c + "' in " + kind + " literal");
                }
                back(c);
                if (isDigit(c)) {
                    throw bad("invalid digit '" + (char) c + "' in " + kind + " literal");
                }
                throw bad("invalid " + kind + " literal");
            }
            do {
                c = next();
            } while (c >= '0' && c < '0' + base);
        } while (c == '_');
        if (isDigit(c) && messages) {
            throw bad("invalid digit '" + (char) c + "' in " + kind + " literal");
        }
        endOfNumber(c, kind);
        return c;
    }

    private int fractionTail(int c) throws PythonError {
        if (isDigit(c)) {
            c = decimalTail();
        }
        return afterFraction(c);
    }

    private int afterFraction(int c) throws PythonError {
        if (c == 'e' || c == 'E') {
            return exponent(c);
        }
        if (c == 'j' || c == 'J') {
            return imaginary();
        }
        endOfNumber(c, "decimal");
        return c;
    }

    private int exponent(int e) throws PythonError {
        int c = next();
        if (c == '+' || c == '-') {
            c = next();
            if (!isDigit(c)) {
                back(c);
                throw bad("invalid decimal literal");
            }
        } else if (!isDigit(c)) {
            back(c);
            endOfNumber(e, "decimal");
            back(e);
            return BACKED_UP;
        }
        c = decimalTail();
        if (c == 'j' || c == 'J') {
            return imaginary();
        }
        endOfNumber(c, "decimal");
        return c;
    }

    private int imaginary() throws PythonError {
        int c = next();
        endOfNumber(c, "imaginary");
        return c;
    }

    /**
     * 3.10+'s {@code verify_end_of_number}: a literal directly followed by a keyword that may follow a
     * number ({@code and else for if in is not or}) warns; followed by another name character it is an
     * error (3.11+: ASCII name characters only).
     */
    private void endOfNumber(int c, String kind) throws PythonError {
        if (!v310) {
            return;
        }
        boolean keyword = false;
        switch (c) {
            case 'a' -> keyword = lookahead("nd");
            case 'e' -> keyword = lookahead("lse");
            case 'f' -> keyword = lookahead("or");
            case 'i' -> {
                int c2 = next();
                keyword = c2 == 'f' || c2 == 'n' || c2 == 's';
                back(c2);
            }
            case 'o' -> keyword = lookahead("r");
            case 'n' -> keyword = lookahead("ot");
            default -> {
            }
        }
        if (keyword) {
            back(c);
            tk.warn(v.atLeast(PythonVersion.V3_11) ? "SyntaxWarning" : "DeprecationWarning", "invalid " + kind + " literal");
            next();
            return;
        }
        boolean nameChar = v.atLeast(PythonVersion.V3_11) ? c >= 0 && c < 128 && tk.isIdentifierChar(c) : c >= 0 && tk.isIdentifierChar(c);
        if (nameChar) {
            back(c);
            throw tk.direct(tk.syntaxError("invalid " + kind + " literal"));
        }
    }

    /** CPython's {@code lookahead}: {@code rest} follows, and no name character after it. */
    private boolean lookahead(String rest) throws PythonError {
        int i = 0;
        boolean ok;
        while (true) {
            int c = next();
            if (i == rest.length()) {
                ok = !(c >= 0 && tk.isIdentifierChar(c));
            } else if (c == rest.charAt(i)) {
                i++;
                continue;
            } else {
                ok = false;
            }
            back(c);
            while (i > 0) {
                back(rest.charAt(--i));
            }
            return ok;
        }
    }
}
