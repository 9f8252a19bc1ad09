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
        for (Token t : parts) {
            String s = t.text();
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
        return split(t.text()).prefix().contains("b");
    }

    /** Adjacent string tokens as one constant (implicit concatenation). */
    static Ast.Expr strings(List<Token> parts, String filename, PythonVersion target, Consumer<CompilerWarning> warnings,
            int lineno, int col, int endLineno, int endCol, Function<String, RuntimeException> refuse) {
        if (parts.size() == 1) {
            // the common case: one literal without prefix or backslash is its body as it stands
            String s = parts.get(0).text();
            if (s.charAt(0) == '\'' || s.charAt(0) == '"') {
                String body = split(s).body();
                if (body.indexOf('\\') < 0) {
                    return new Ast.Constant(str(body, false), null, lineno, col, endLineno, endCol);
                }
            }
        }
        Boolean bytes = null;
        String kind = null;
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
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
            if (bytes != null && bytes != isBytes) {
                throw refuse.apply("mixing bytes and str literals (its error)");
            }
            bytes = isBytes;
            String body = split.body();
            if (isBytes) {
                decodeBytes(body, raw, data, t, filename, target, warnings, refuse);
            } else if (raw) {
                text.append(body);
            } else {
                surrogates |= decodeStr(body, text, t, filename, target, warnings, refuse);
            }
        }
        PyObject value = bytes ? new PyObject.Bytes(data.toByteArray(), false) : str(text.toString(), surrogates);
        return new Ast.Constant(value, kind, lineno, col, endLineno, endCol);
    }

    private static void invalidEscape(char c, Token t, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, boolean[] warned) {
        if (!warned[0]) {
            warned[0] = true;
            // a DeprecationWarning until 3.11, a SyntaxWarning from 3.12 on
            String category = target.atLeast(PythonVersion.V3_12) ? "SyntaxWarning" : "DeprecationWarning";
            warnings.accept(new CompilerWarning(category, "invalid escape sequence '\\" + c + "'", filename,
                    t.startLine()));
        }
    }

    /**
     * A str constant. Escapes can spell lone surrogates; a high one followed by a low one is then two
     * lone surrogates for CPython, not the pair Java would read (see {@link PyObject.Str}).
     */
    static PyObject.Str str(String value, boolean lonePairs) {
        return new PyObject.Str(value, false, lonePairs);
    }

    /** Decodes one piece of a non-raw str literal (escapes; one invalid-escape warning per piece). */
    static boolean decodeStrPiece(String body, StringBuilder out, Token t, String filename,
            Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
        return decodeStr(body, out, t, filename, PythonVersion.V3_11, warnings, refuse);
    }

    /** {@link #decodeStrPiece} with the target's warning category. */
    static boolean decodeStrPiece(String body, StringBuilder out, Token t, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
        return decodeStr(body, out, t, filename, target, warnings, refuse);
    }

    /** Decodes escapes into {@code out}; true if an escape produced a surrogate code unit. */
    private static boolean decodeStr(String body, StringBuilder out, Token t, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
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
                    if (v > 0377) {
                        throw refuse.apply("octal escapes above \\377");
                    }
                    out.append((char) v);
                }
                case 'x' -> {
                    out.appendCodePoint(hex(body, i + 1, 2, refuse));
                    i += 2;
                }
                case 'u' -> {
                    int cu = hex(body, i + 1, 4, refuse);
                    if (cu >= 0xDC00 && cu < 0xE000 && out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                        surrogate = true; // two lone surrogates that Java would read as one character
                    }
                    out.appendCodePoint(cu);
                    i += 4;
                }
                case 'U' -> {
                    int cp = hex(body, i + 1, 8, refuse);
                    if (cp > 0x10FFFF) {
                        throw refuse.apply("\\U escapes beyond U+10FFFF (their error)");
                    }
                    if (cp >= 0xDC00 && cp < 0xE000 && out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                        surrogate = true;
                    }
                    out.appendCodePoint(cp);
                    i += 8;
                }
                case 'N' -> {
                    int close = body.indexOf('}', i);
                    if (i + 1 >= n || body.charAt(i + 1) != '{' || close < 0) {
                        throw refuse.apply("malformed \\N escapes (their error)");
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
                    }
                    out.appendCodePoint(cp);
                    i = close;
                }
                default -> {
                    invalidEscape(e, t, filename, target, warnings, warned);
                    out.append('\\').append(e);
                }
            }
        }
        return surrogate;
    }

    private static void decodeBytes(String body, boolean raw, ByteArrayOutputStream out, Token t, String filename,
            PythonVersion target, Consumer<CompilerWarning> warnings, Function<String, RuntimeException> refuse) {
        boolean[] warned = {false};
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c >= 0x80) {
                throw refuse.apply("non-ASCII bytes literals (their error)");
            }
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
                    if (v > 0377) {
                        throw refuse.apply("octal escapes above \\377");
                    }
                    out.write(v);
                }
                case 'x' -> {
                    out.write(hex(body, i + 1, 2, refuse));
                    i += 2;
                }
                default -> {
                    if (e >= 0x80) {
                        throw refuse.apply("non-ASCII bytes literals (their error)");
                    }
                    invalidEscape(e, t, filename, target, warnings, warned);
                    out.write('\\');
                    out.write(e);
                }
            }
        }
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
