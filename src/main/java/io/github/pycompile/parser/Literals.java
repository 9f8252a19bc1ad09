package io.github.pycompile.parser;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Number and string literal values as CPython 3.11's parser computes them ({@code parse_number},
 * {@code string_parser.c}): NUMBER token text to an int, float or imaginary constant; adjacent STRING
 * tokens to one {@code str} or {@code bytes} constant, escapes decoded, with the
 * {@code DeprecationWarning} for an invalid escape. F-strings and the literal errors whose exact
 * messages are not reproduced yet are refused through {@code refuse}.
 */
final class Literals {
    private Literals() {}

    static PyObject number(String text, Function<String, RuntimeException> refuse) {
        int n = text.length();
        if (n <= 18) {
            // the common case: a short decimal integer of digits alone fits a long
            long v = 0;
            int i = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == n) {
                return new PyObject.Int(BigInteger.valueOf(v), false);
            }
        }
        String t = text.replace("_", "");
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith("j")) {
            double imag = Double.parseDouble(t.substring(0, t.length() - 1));
            return new PyObject.Complex(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(imag));
        }
        if (lower.startsWith("0x")) {
            return new PyObject.Int(new BigInteger(t.substring(2), 16), false);
        }
        if (lower.startsWith("0o")) {
            return new PyObject.Int(new BigInteger(t.substring(2), 8), false);
        }
        if (lower.startsWith("0b")) {
            return new PyObject.Int(new BigInteger(t.substring(2), 2), false);
        }
        if (lower.contains(".") || lower.contains("e")) {
            return PyObject.Float.of(Double.parseDouble(t));
        }
        return new PyObject.Int(new BigInteger(t), false);
    }

    /**
     * The {@code UnicodeDecodeError} text CPython reports for undecodable bytes (kept by the decoder as
     * escaped code points) inside the str literals {@code parts}, or null. Without escapes the whole
     * body is decoded at once; with escapes each run of non-ASCII bytes is, so the position counts
     * from the run.
     */
    static String undecodableBytes(List<Token> parts) {
        for (int k = 0; k < parts.size(); k++) {
            String s = parts.get(k).text();
            boolean escaped = false;
            for (int i = 0; i < s.length() && !escaped; i++) {
                escaped = io.github.pycompile.tokenizer.Identifiers.isEscapedByte(s.charAt(i));
            }
            if (!escaped) {
                continue;
            }
            Split parts0 = split(s);
            String prefix = parts0.prefix();
            if (prefix.contains("b")) {
                continue;
            }
            String body = parts0.body();
            byte[] b = io.github.pycompile.source.Utf8.rawBytes(body);
            if (prefix.contains("r") || body.indexOf('\\') < 0) {
                String err = utf8Error(b, 0, b.length);
                if (err != null) {
                    return err;
                }
                continue;
            }
            for (int i = 0; i < b.length; ) {
                if (b[i] == '\\') {
                    i++;
                    if (i >= b.length) {
                        break;
                    }
                }
                if ((b[i] & 0x80) != 0) {
                    int start = i;
                    while (i < b.length && (b[i] & 0x80) != 0) {
                        i++;
                    }
                    String err = utf8Error(b, start, i);
                    if (err != null) {
                        return err;
                    }
                } else {
                    i++;
                }
            }
        }
        return null;
    }

    /**
     * The error CPython's unicode-escape decoder raises for the first malformed {@code \N} escape in the
     * body of a non-raw str literal (no name, no braces, an empty name, a missing '}'), or null. The
     * positions it names count in the buffer CPython decodes, where a non-ASCII character is spelled as a
     * ten-character {@code \UXXXXXXXX} escape and a backslash before one as {@code \u005c}. Other
     * escape errors before it give null (their refusals come when the body is decoded).
     */
    static String namedEscapeError(String body) {
        int n = body.length();
        for (int i = 0; i < n; i++) {
            if (body.charAt(i) != '\\') {
                continue;
            }
            if (i + 1 >= n) {
                return null;
            }
            char e = body.charAt(i + 1);
            if (e >= 0x80) {
                continue;
            }
            int start = i;
            i++;
            switch (e) {
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    for (int k = 1; k <= digits; k++) {
                        if (i + k >= n || Character.digit(body.charAt(i + k), 16) < 0) {
                            return null; // a truncated escape comes first
                        }
                    }
                    i += digits;
                }
                case 'N' -> {
                    int end; // index just past what the decoder read of the malformed escape
                    if (i + 1 >= n || body.charAt(i + 1) != '{') {
                        end = i + 1;
                    } else {
                        int close = body.indexOf('}', i + 2);
                        if (close < 0) {
                            end = n;
                        } else if (close == i + 2) {
                            end = close;
                        } else {
                            i = close; // a name: known or not, not this error
                            continue;
                        }
                    }
                    return "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                            + escapedPosition(body, start) + "-" + (escapedPosition(body, end) - 1)
                            + ": malformed \\N character escape";
                }
                default -> { }
            }
        }
        return null;
    }

    /**
     * 3.6-3.8: the error CPython's unicode-escape decoder raises first in the body of a non-raw str
     * literal ({@code ast.c} reports it as a "(unicode error)"), or null: a truncated {@code \x},
     * {@code \\u} or {@code \U} escape, a {@code \U} beyond U+10FFFF, a malformed {@code \N}. A
     * {@code \N{name}} this decoder cannot tell is known is refused.
     */
    static String strEscapeError(String body, Function<String, RuntimeException> refuse) {
        int n = body.length();
        for (int i = 0; i + 1 < n; i++) {
            if (body.charAt(i) != '\\') {
                continue;
            }
            char e = body.charAt(i + 1);
            int start = i;
            if (e == 'x' || e == 'u' || e == 'U') {
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                int k = 0;
                while (k < digits && i + 2 + k < n && asciiHex(body.charAt(i + 2 + k))) {
                    k++;
                }
                if (k < digits) {
                    return unicodeEscapeError(body, start, i + 2 + k, "truncated \\" + e
                            + "X".repeat(digits) + " escape");
                }
                if (e == 'U' && Long.parseLong(body.substring(i + 2, i + 10), 16) > 0x10FFFF) {
                    return unicodeEscapeError(body, start, i + 10, "illegal Unicode character");
                }
                i += 1 + digits;
            } else if (e == 'N') {
                boolean brace = i + 2 < n && body.charAt(i + 2) == '{';
                int close = brace ? body.indexOf('}', i + 3) : -1;
                if (close < 0 || close == i + 3) {
                    // what the decoder read: the N, up to the end without a '}', or the empty braces' '{'
                    int end = !brace ? i + 2 : close < 0 ? n : close;
                    return unicodeEscapeError(body, start, end, "malformed \\N character escape");
                }
                String name = body.substring(i + 3, close);
                if (cjkIdeograph(name) < 0) {
                    try {
                        Character.codePointOf(name);
                    } catch (IllegalArgumentException ex) {
                        throw refuse.apply("\\N{" + name + "} (a name Java does not know)");
                    }
                }
                i = close;
            } else {
                i++; // any other escape: its character is not a backslash
            }
        }
        return null;
    }

    private static String unicodeEscapeError(String body, int start, int end, String reason) {
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + escapedPosition(body, start) + "-"
                + (escapedPosition(body, end) - 1) + ": " + reason;
    }

    private static boolean asciiHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** 3.6-3.8: the error of a non-raw bytes literal's escapes ("(value error) ..."), or null. */
    static String bytesEscapeError(String body) {
        int n = body.length();
        for (int i = 0; i + 1 < n; i++) {
            if (body.charAt(i) != '\\') {
                continue;
            }
            if (body.charAt(i + 1) == 'x' && !(i + 3 < n && asciiHex(body.charAt(i + 2)) && asciiHex(body.charAt(i + 3)))) {
                return "(value error) invalid \\x escape at position " + i;
            }
            i++;
        }
        return null;
    }

    /** Where {@code body[at]} stands in the buffer CPython hands to its unicode-escape decoder. */
    private static int escapedPosition(String body, int at) {
        int p = 0;
        for (int j = 0; j < at; j++) {
            char c = body.charAt(j);
            if (c >= 0x80) {
                if (Character.isHighSurrogate(c) && j + 1 < body.length() && Character.isLowSurrogate(body.charAt(j + 1))) {
                    j++;
                }
                p += 10;
            } else if (c == '\\' && (j + 1 >= body.length() || body.charAt(j + 1) >= 0x80)) {
                p += 6;
            } else {
                p++;
            }
        }
        return p;
    }

    /**
     * An error CPython raises while it turns a string token into its value ({@code parsestr}) or joins
     * adjacent ones, its message spelled as the parser reports it: the unicode-escape decoder's on a str
     * body ({@code "(unicode error) 'unicodeescape' codec can't decode bytes in position a-b: ..."}), a
     * non-ASCII character in a bytes literal (3.9 and before add a full stop), a bad {@code \x} escape
     * in one, bytes next to str. Where the error stands in the file is the caller's business (the
     * versions differ); {@code token} is the string token at fault, null for mixing.
     */
    static final class LiteralError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        enum Kind { STR_ESCAPE, NON_ASCII_BYTES, BYTES_ESCAPE, MIXED }

        final Kind kind;
        final transient Token token;

        LiteralError(Kind kind, Token token, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.token = token;
        }

        /** The message as {@code target} words it. */
        String message(PythonVersion target) {
            return kind == Kind.NON_ASCII_BYTES && !target.atLeast(PythonVersion.V3_10) ? getMessage() + "." : getMessage();
        }
    }

    /**
     * The first error CPython's unicode-escape decoder raises on the body of a non-raw str literal, or
     * null if it decodes (or stops first at something we refuse, which {@code refuse} then raises).
     */
    static String escapeError(String body, Function<String, RuntimeException> refuse) {
        try {
            decodeStr(body, new StringBuilder(), 0, null, PythonVersion.V3_11, w -> { }, refuse, false);
            return null;
        } catch (LiteralError e) {
            return e.getMessage();
        }
    }

    /**
     * The checks of {@code parsestr} on one STRING token that is not an f-string, in CPython's order:
     * a bytes literal's non-ASCII characters, then its escapes; a str literal's escapes. Throws the
     * first {@link LiteralError}; what we cannot decode goes to {@code refuse}.
     */
    static void checkToken(Token t, Function<String, RuntimeException> refuse) {
        Split split = split(t.text());
        boolean raw = split.prefix().contains("r");
        if (split.prefix().contains("b")) {
            decodeBytes(split.body(), raw, new ByteArrayOutputStream(), t, 0, null, PythonVersion.V3_11, w -> { }, refuse);
        } else if (!raw && !split.prefix().contains("f")) {
            try {
                decodeStr(split.body(), new StringBuilder(), 0, null, PythonVersion.V3_11, w -> { }, refuse, false);
            } catch (LiteralError e) {
                throw new LiteralError(e.kind, t, e.getMessage());
            }
        }
    }

    private static LiteralError escapeError(String body, int start, int end, String what) {
        return new LiteralError(LiteralError.Kind.STR_ESCAPE, null, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + escapedPosition(body, start) + "-" + (escapedPosition(body, end) - 1) + ": " + what);
    }

    /** The name Java makes up for a code point without a Unicode name (its block, then its hex digits). */
    private static String blockName(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == null ? "" : block.toString().replace('_', ' ') + " " + Integer.toHexString(cp).toUpperCase(Locale.ROOT);
    }

    /** The body (between the quotes) of a string token. */
    static String body(Token t) {
        return split(t.text()).body();
    }

    /** The lower-cased prefix of a string token. */
    static String prefix(Token t) {
        return split(t.text()).prefix();
    }

    /** CPython's UTF-8 decoder on {@code b[from:to]}: its first error message, or null. */
    private static String utf8Error(byte[] b, int from, int to) {
        io.github.pycompile.source.Utf8.Error e = io.github.pycompile.source.Utf8.firstError(b, from, to);
        return e == null ? null : io.github.pycompile.source.Utf8.message(b, e, from);
    }

    /**
     * {@code CJK UNIFIED IDEOGRAPH-XXXX}, the algorithmic names {@code unicodedata} (Unicode 14, as in
     * 3.11) gives the unified ideographs: the prefix in any case, four or five uppercase hex digits.
     * -1 when {@code name} is not one.
     */
    static int cjkIdeograph(String name) {
        String prefix = "CJK UNIFIED IDEOGRAPH-";
        if (name.length() < prefix.length() + 4 || !name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return -1;
        }
        String hex = name.substring(prefix.length());
        if (hex.length() > 5 || !hex.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'F')) {
            return -1;
        }
        int cp = Integer.parseInt(hex, 16);
        boolean unified = cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF
                || cp >= 0x20000 && cp <= 0x2A6DF || cp >= 0x2A700 && cp <= 0x2B738
                || cp >= 0x2B740 && cp <= 0x2B81D || cp >= 0x2B820 && cp <= 0x2CEA1
                || cp >= 0x2CEB0 && cp <= 0x2EBE0 || cp >= 0x30000 && cp <= 0x3134A;
        return unified ? cp : -1;
    }

    /** A string token's prefix (lower-cased) and the text between its quotes. */
    private record Split(String prefix, String body) {}

    private static Split split(String token) {
        int q = 0;
        while (token.charAt(q) != '\'' && token.charAt(q) != '"') {
            q++;
        }
        int quoteLen = token.startsWith("\"\"\"", q) || token.startsWith("'''", q) ? 3 : 1;
        return new Split(q == 0 ? "" : token.substring(0, q).toLowerCase(Locale.ROOT),
                token.substring(q + quoteLen, token.length() - quoteLen));
    }

    /** True if the STRING token {@code t} is a bytes literal. */
    static boolean isBytes(Token t) {
        return hasPrefix(t, 'b');
    }

    /** True if the prefix of the STRING token {@code t} has the letter {@code lower} in either case. */
    static boolean hasPrefix(Token t, char lower) {
        String s = t.text();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                return false;
            }
            if ((c | 0x20) == lower) {
                return true;
            }
        }
        return false;
    }

    /**
     * The constant of one STRING token without prefix, backslash or character beyond ASCII (nothing to
     * decode or check): its body as it stands.
     */
    static Ast.Expr plainString(String token, int lineno, int col, int endLineno, int endCol) {
        int quoteLen = token.length() >= 6 && token.charAt(1) == token.charAt(0) && token.charAt(2) == token.charAt(0) ? 3 : 1;
        return new Ast.Constant(str(token.substring(quoteLen, token.length() - quoteLen), false), null, lineno, col,
                endLineno, endCol);
    }

    /** Adjacent string tokens as one constant (implicit concatenation). */
    static Ast.Expr strings(List<Token> parts, String filename, PythonVersion target, Consumer<CompilerWarning> warnings,
            int lineno, int col, int endLineno, int endCol, Function<String, RuntimeException> refuse) {
        if (parts.size() == 1) {
            // the common case: one literal without prefix or backslash is its body as it stands
            String s = parts.get(0).text();
            if ((s.charAt(0) == '\'' || s.charAt(0) == '"') && s.indexOf('\\') < 0) {
                return plainString(s, lineno, col, endLineno, endCol);
            }
        }
        Boolean bytes = null;
        String kind = null;
        int length = 0;
        for (int k = 0; k < parts.size(); k++) {
            length += parts.get(k).text().length();
        }
        StringBuilder text = null; // made with the first str token (escapes only shorten)
        ByteArrayOutputStream data = null;
        boolean first = true;
        boolean surrogates = false;
        for (Token t : parts) {
            String s = t.text();
            Split split = split(s);
            String prefix = split.prefix();
            boolean isBytes = prefix.contains("b");
            boolean raw = prefix.contains("r");
            if (first && s.startsWith("u")) {
                kind = "u"; // 3.11 looks at the first character only: U"" has no kind
            }
            first = false;
            String body = split.body();
            // each token is decoded before it is checked against the ones before it
            if (isBytes) {
                if (data == null) {
                    data = new ByteArrayOutputStream(length);
                }
                decodeBytes(body, raw, data, t, warningLine(t, target), filename, target, warnings, refuse);
            } else if (raw) {
                if (text == null) {
                    text = new StringBuilder(length);
                }
                text.append(body);
            } else {
                if (text == null) {
                    text = new StringBuilder(length);
                }
                try {
                    surrogates |= decodeStr(body, text, warningLine(t, target), filename, target, warnings, refuse, false);
                } catch (LiteralError e) {
                    throw new LiteralError(e.kind, t, e.getMessage());
                }
            }
            if (bytes != null && bytes != isBytes) {
                throw new LiteralError(LiteralError.Kind.MIXED, null, "cannot mix bytes and nonbytes literals");
            }
            bytes = isBytes;
        }
        PyObject value = bytes ? new PyObject.Bytes(data.toByteArray(), false) : str(text.toString(), surrogates);
        return new Ast.Constant(value, kind, lineno, col, endLineno, endCol);
    }

    /**
     * Reports the first invalid escape of one decoded piece ({@code warned} keeps it to one). 3.6-3.9 spell
     * it {@code invalid escape sequence \d}, 3.10 on quote it; a DeprecationWarning until 3.11, a
     * SyntaxWarning from 3.12. From 3.11 an octal escape above {@code \377} is reported too ("invalid
     * octal escape sequence"), sharing the one report.
     */
    private static void invalidEscape(String escape, boolean octal, int line, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, boolean[] warned) {
        if (warned != null && warned[0]) {
            return;
        }
        if (warned != null) {
            warned[0] = true;
        }
        String category = target.atLeast(PythonVersion.V3_12) ? "SyntaxWarning" : "DeprecationWarning";
        String kind = octal ? "invalid octal escape sequence" : "invalid escape sequence";
        String message;
        if (target.atLeast(PythonVersion.V3_14)) {
            // 3.14 suggests the escaped backslash and a raw string
            message = "\"\\" + escape + "\" is an " + kind + ". Such sequences will not work in the future. Did you mean \"\\\\"
                    + escape + "\"? A raw string is also an option.";
        } else if (target.atLeast(PythonVersion.V3_10)) {
            message = kind + " '\\" + escape + "'";
        } else {
            message = kind + " \\" + escape;
        }
        warnings.accept(new CompilerWarning(category, message, filename, line));
    }

    /**
     * 3.14 names the line the escape is on: {@code line} (where the piece is said to start) plus the newlines
     * written before the escape; earlier versions name {@code line} itself.
     */
    private static int lineOf(String body, int escapeAt, int line, PythonVersion target) {
        if (!target.atLeast(PythonVersion.V3_14)) {
            return line;
        }
        int n = line;
        for (int k = 0; k < escapeAt; k++) {
            if (body.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** An f-string's {@code \\{} as 3.6-3.11 report it while looking for the string's fields (one per occurrence). */
    static void braceEscape(int line, String filename, PythonVersion target, Consumer<CompilerWarning> warnings) {
        invalidEscape("{", false, line, filename, target, warnings, null);
    }

    /**
     * The line an invalid-escape warning of a string token names: 3.6 and 3.7 took it from the concrete tree's
     * token, which sits on the string's last line in 3.6 and 3.7; 3.8 on name the token's first line.
     */
    static int warningLine(Token t, PythonVersion target) {
        return target.atLeast(PythonVersion.V3_8) ? t.startLine() : t.endLine();
    }

    /**
     * A str constant. Escapes can spell lone surrogates; a high one followed by a low one is then two
     * lone surrogates for CPython, not the pair Java would read (see {@link PyObject.Str}).
     */
    static PyObject.Str str(String value, boolean lonePairs) {
        return new PyObject.Str(value, false, lonePairs);
    }

    /** Decodes one piece of a non-raw str literal of {@code target} (escapes; one invalid-escape warning per piece, on {@code line}). */
    static boolean decodeStrPiece(String body, StringBuilder out, int line, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
        return decodeStr(body, out, line, filename, target, warnings, refuse, false);
    }

    /**
     * A 3.12+ f-string part: as {@link #decodeStrPiece}, but a {@code \{} or {@code \}} that is the piece's
     * first invalid escape was already reported by the tokenizer, and it is the one report of the piece.
     */
    static boolean decodeFStringPart(String body, StringBuilder out, int line, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
        return decodeStr(body, out, line, filename, target, warnings, refuse, true);
    }

    /** Decodes escapes into {@code out}; true if an escape produced a surrogate code unit. */
    private static boolean decodeStr(String body, StringBuilder out, int line, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse, boolean bracesReported) {
        boolean surrogate = false;
        boolean[] warned = {false};
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                // the run up to the next backslash, as it stands
                int bs = body.indexOf('\\', i);
                int stop = bs < 0 ? n : bs;
                out.append(body, i, stop);
                i = stop - 1;
                continue;
            }
            if (i + 1 >= n) {
                throw refuse.apply("a string ending in a backslash");
            }
            char e = body.charAt(i + 1);
            if (e >= 0x80) {
                // CPython re-spells a backslash before a non-ASCII character as an escaped backslash
                // before decoding: a plain backslash, no warning
                out.append('\\');
                continue;
            }
            i++;
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < n && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') {
                        v = v * 8 + (body.charAt(++i) - '0');
                        k++;
                    }
                    if (v > 0377 && target.atLeast(PythonVersion.V3_11)) {
                        invalidEscape(body.substring(i - 2, i + 1), true, lineOf(body, i, line, target), filename, target, warnings, warned);
                    }
                    out.append((char) v); // up to U+01FF, as written
                }
                case 'x' -> {
                    out.appendCodePoint(hexEscape(body, i, 2, "truncated \\xXX escape"));
                    i += 2;
                }
                case 'u' -> {
                    int cu = hexEscape(body, i, 4, "truncated \\uXXXX escape");
                    if (cu >= 0xDC00 && cu < 0xE000 && out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                        surrogate = true; // two lone surrogates that Java would read as one character
                    }
                    out.appendCodePoint(cu);
                    i += 4;
                }
                case 'U' -> {
                    int cp = hexEscape(body, i, 8, "truncated \\UXXXXXXXX escape");
                    if (cp < 0 || cp > 0x10FFFF) {
                        throw escapeError(body, i - 1, i + 9, "illegal Unicode character");
                    }
                    if (cp >= 0xDC00 && cp < 0xE000 && out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                        surrogate = true;
                    }
                    out.appendCodePoint(cp);
                    i += 8;
                }
                case 'N' -> {
                    // the decoder reads a '{', then a name up to the first '}'; an empty name is malformed too
                    if (i + 1 >= n || body.charAt(i + 1) != '{') {
                        throw escapeError(body, i - 1, i + 1, "malformed \\N character escape");
                    }
                    int close = body.indexOf('}', i + 2);
                    if (close < 0 || close == i + 2) {
                        throw escapeError(body, i - 1, close < 0 ? n : close, "malformed \\N character escape");
                    }
                    String name = body.substring(i + 2, close);
                    int cp;
                    cp = cjkIdeograph(name);
                    if (cp < 0) {
                        try {
                            cp = Character.codePointOf(name);
                        } catch (IllegalArgumentException ex) {
                            throw refuse.apply("\\N{" + name + "} (a name Java does not know)");
                        }
                        if (!name.equals(name.strip()) || name.equalsIgnoreCase(blockName(cp))) {
                            // Java trims the name and makes up "BLOCK HEX" names for unnamed code
                            // points; CPython's name database knows neither
                            throw refuse.apply("\\N{" + name + "} (a name CPython may not know)");
                        }
                    }
                    out.appendCodePoint(cp);
                    i = close;
                }
                default -> {
                    if (bracesReported && (e == '{' || e == '}')) {
                        warned[0] = true;
                    } else {
                        invalidEscape(String.valueOf(e), false, lineOf(body, i, line, target), filename, target, warnings, warned);
                    }
                    out.append('\\').append(e);
                }
            }
        }
        return surrogate;
    }

    private static void decodeBytes(String body, boolean raw, ByteArrayOutputStream out, Token t, int line, String filename,
            PythonVersion target, Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
        boolean[] warned = {false};
        int n = body.length();
        if (body.chars().anyMatch(ch -> ch >= 0x80)) {
            // checked over the whole body before any escape is decoded
            throw new LiteralError(LiteralError.Kind.NON_ASCII_BYTES, t, "bytes can only contain ASCII literal characters");
        }
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c != '\\' || raw) {
                out.write(c);
                continue;
            }
            if (i + 1 >= n) {
                throw refuse.apply("a bytes literal ending in a backslash");
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < n && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') {
                        v = v * 8 + (body.charAt(++i) - '0');
                        k++;
                    }
                    if (v > 0377 && target.atLeast(PythonVersion.V3_11)) {
                        invalidEscape(body.substring(i - 2, i + 1), true, lineOf(body, i, line, target), filename, target, warnings, warned);
                    }
                    out.write(v & 0xFF); // the low byte of a value above \377
                }
                case 'x' -> {
                    if (i + 2 >= n || Character.digit(body.charAt(i + 1), 16) < 0 || Character.digit(body.charAt(i + 2), 16) < 0) {
                        // bytes' own decoder: a ValueError naming where the backslash stands
                        throw new LiteralError(LiteralError.Kind.BYTES_ESCAPE, t,
                                "(value error) invalid \\x escape at position " + (i - 1));
                    }
                    out.write(hex(body, i + 1, 2, refuse));
                    i += 2;
                }
                default -> {
                    invalidEscape(String.valueOf(e), false, lineOf(body, i, line, target), filename, target, warnings, warned);
                    out.write('\\');
                    out.write(e);
                }
            }
        }
    }

    /**
     * The value of the {@code count} hex digits after the escape letter at {@code body[letter]}; a
     * missing or non-hex digit is the decoder's {@code what} error, over the escape up to that digit.
     */
    private static int hexEscape(String body, int letter, int count, String what) {
        long v = 0;
        for (int k = 1; k <= count; k++) {
            int at = letter + k;
            int d = at < body.length() ? Character.digit(body.charAt(at), 16) : -1;
            if (d < 0 || body.charAt(at) >= 0x80) {
                throw escapeError(body, letter - 1, Math.min(at, body.length()), what);
            }
            v = v * 16 + d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static int hex(String s, int from, int count, Function<String, RuntimeException> refuse) {
        if (from + count > s.length()) {
            throw refuse.apply("truncated escapes (their error)");
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw refuse.apply("truncated escapes (their error)");
            }
            v = v * 16 + d;
        }
        return v;
    }
}
