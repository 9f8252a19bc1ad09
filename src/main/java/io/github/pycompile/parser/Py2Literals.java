package io.github.pycompile.parser;

import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.marshal.PyObject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Number and string literals as CPython 2.6/2.7's {@code ast.c} turns them into constants
 * ({@code parsenumber}, {@code parsestr}, {@code parsestrplus}): an int when the value fits a C long
 * (64 bits here), else a long; a plain string literal stays bytes in the source's encoding, a unicode
 * one goes through {@code unicode-escape} (or {@code raw-unicode-escape}), with the source's UTF-8
 * first turned into {@code \U} escapes when the file declares an encoding other than latin-1.
 *
 * <p>Source text here is 2.x's: one char per byte (0–255). Errors are those {@code ast.c} raises:
 * {@link LiteralError} with CPython's type and message; what is not reproduced is refused.
 */
final class Py2Literals {
    private Py2Literals() {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** An error of a literal: a SyntaxError "(unicode error) ..." or a ValueError, as 2.x raises it. */
    static final class LiteralError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String type;
        final String msg;
        /** A UnicodeError's reason alone (2.6 reports "(unicode error) " + reason); else null. */
        final String reason;

        LiteralError(String type, String msg, String reason) {
            super(msg, null, false, false);
            this.type = type;
            this.msg = msg;
            this.reason = reason;
        }
    }

    // ------------------------------------------------------------------ numbers

    /** A NUMBER token's value, {@code text} possibly with a leading '-' (ast.c folds {@code -NUMBER}). */
    static PyObject number(String text) {
        int n = text.length();
        char last = text.charAt(n - 1);
        if (last == 'l' || last == 'L') {
            return new PyObject.Int(integer(text.substring(0, n - 1)), true);
        }
        BigInteger v = isInteger(text) ? integer(text) : null;
        if (v != null) {
            // strtol: a value outside a C long is a long
            boolean fits = v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
            return new PyObject.Int(v, !fits);
        }
        if (last == 'j' || last == 'J') {
            double imag = Double.parseDouble(text.substring(0, n - 1));
            return new PyObject.Complex(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(imag));
        }
        return PyObject.Float.of(Double.parseDouble(text));
    }

    private static boolean isInteger(String text) {
        String b = text.startsWith("-") ? text.substring(1) : text;
        if (b.length() > 1 && b.charAt(0) == '0') {
            char k = Character.toLowerCase(b.charAt(1));
            if (k == 'x' || k == 'o' || k == 'b') {
                return true;
            }
        }
        // strtol: a leading 0 reads octal digits ("08", which 2.x's tokenizer lets through before "else",
        // stops early and the literal is a float)
        char max = b.length() > 1 && b.charAt(0) == '0' ? '7' : '9';
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) < '0' || b.charAt(i) > max) {
                return false;
            }
        }
        return true;
    }

    /** An integer literal with C's base-0 rules (and 2.6+'s 0o, 0b): 0x hex, 0o octal, 0b binary, 0... octal. */
    private static BigInteger integer(String text) {
        boolean neg = text.startsWith("-");
        String b = neg ? text.substring(1) : text;
        BigInteger v;
        if (b.length() > 1 && b.charAt(0) == '0') {
            char k = Character.toLowerCase(b.charAt(1));
            if (k == 'x') {
                v = new BigInteger(b.substring(2), 16);
            } else if (k == 'o') {
                v = new BigInteger(b.substring(2), 8);
            } else if (k == 'b') {
                v = new BigInteger(b.substring(2), 2);
            } else {
                v = new BigInteger(b.substring(1), 8);
            }
        } else {
            v = new BigInteger(b);
        }
        return neg ? v.negate() : v;
    }

    // ------------------------------------------------------------------ strings

    /** A unicode value under construction: code points, as UCS-4 CPython holds them. */
    private static final class UStr {
        int[] cps = new int[16];
        int n;

        void add(int cp) {
            if (n == cps.length) {
                cps = Arrays.copyOf(cps, n * 2);
            }
            cps[n++] = cp;
        }

        PyObject.Str toStr() {
            StringBuilder sb = new StringBuilder(n);
            boolean lonePairs = false;
            int prev = -1;
            for (int i = 0; i < n; i++) {
                int c = cps[i];
                if (c >= 0xDC00 && c < 0xE000 && prev >= 0xD800 && prev < 0xDC00) {
                    lonePairs = true; // two code points that Java would read as one
                }
                sb.appendCodePoint(c);
                prev = c;
            }
            return new PyObject.Str(sb.toString(), false, lonePairs);
        }
    }

    /**
     * The constant of a STRING+ atom ({@code parsestrplus}): each piece decoded, then concatenated
     * (a str meeting a unicode is decoded as ASCII).
     *
     * @param unicodeLiterals {@code from __future__ import unicode_literals} anywhere in the file
     * @param encoding the declared source encoding as 2.x names it, null without a declaration
     */
    static PyObject strings(List<String> pieces, boolean unicodeLiterals, String encoding) {
        Object v = null;
        // whether v is 2.7's shared one-character str: made by PyString_FromStringAndSize (no escapes
        // to decode, no re-encoding), and kept through concatenation with empty literals only
        boolean shared = false;
        boolean needEncoding = encoding != null && !encoding.equals("utf-8") && !encoding.equals("iso-8859-1");
        for (String piece : pieces) {
            Object s = piece(piece, unicodeLiterals, encoding);
            boolean sShared = false;
            // re-encoded through a UTF-8 codec (e.g. a "utf8" cookie), a one-byte result is still the shared
            // object (2.7's UTF-8 encoder builds small strings with PyString_FromStringAndSize); other codecs copy
            if (s instanceof byte[] sb && sb.length == 1 && (!needEncoding
                    || "utf-8".equals(io.github.pycompile.source.SourceDecoder.pythonCodec(encoding)))) {
                int q = 0;
                while (piece.charAt(q) != '\'' && piece.charAt(q) != '"') {
                    q++;
                }
                boolean raw = piece.substring(0, q).toLowerCase(java.util.Locale.ROOT).contains("r");
                sShared = raw || piece.indexOf('\\', q) < 0;
            }
            if (v == null) {
                v = s;
                shared = sShared;
            } else if (v instanceof byte[] a && s instanceof byte[] b) {
                if (a.length == 0) {
                    v = b;
                    shared = sShared;
                    continue;
                }
                if (b.length == 0) {
                    continue;
                }
                byte[] c = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, c, a.length, b.length);
                v = c;
                shared = false;
            } else {
                shared = false;
                UStr u = v instanceof UStr x ? x : asciiDecode((byte[]) v);
                UStr w = s instanceof UStr y ? y : asciiDecode((byte[]) s);
                for (int i = 0; i < w.n; i++) {
                    u.add(w.cps[i]);
                }
                v = u;
            }
        }
        return v instanceof byte[] b ? new PyObject.Bytes(b, shared) : ((UStr) v).toStr();
    }

    private static UStr asciiDecode(byte[] b) {
        UStr u = new UStr();
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x80) {
                throw unicodeError(String.format("'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)",
                        c, i), "ordinal not in range(128)");
            }
            u.add(c);
        }
        return u;
    }

    /** One STRING token: byte[] for a str, UStr for a unicode. */
    private static Object piece(String tok, boolean unicodeLiterals, String encoding) {
        int i = 0;
        boolean unicode = unicodeLiterals;
        boolean raw = false;
        char q = tok.charAt(i);
        if (q == 'u' || q == 'U') {
            unicode = true;
            q = tok.charAt(++i);
        }
        if (q == 'b' || q == 'B') {
            unicode = false;
            q = tok.charAt(++i);
        }
        if (q == 'r' || q == 'R') {
            raw = true;
            q = tok.charAt(++i);
        }
        i++;
        int end = tok.length() - 1;
        if (end - i >= 4 && tok.charAt(i) == q && tok.charAt(i + 1) == q) {
            i += 2;
            end -= 2;
        }
        String body = tok.substring(i, end);
        if (unicode) {
            return decodeUnicode(body, raw, encoding);
        }
        boolean needEncoding = encoding != null && !encoding.equals("utf-8") && !encoding.equals("iso-8859-1");
        if (raw || tok.indexOf('\\', i) < 0) {
            return needEncoding ? recode(body, 0, body.length(), encoding) : latin1(body);
        }
        return decodeEscape(body, needEncoding ? encoding : null);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 bytes of the (recoded) source turned back into the declared encoding. */
    private static byte[] recode(String s, int from, int to, String encoding) {
        Charset cs = io.github.pycompile.source.SourceDecoder.lookup(encoding);
        if (cs == null) {
            throw new UnsupportedConstruct("a str literal in a source encoded as " + encoding, -1);
        }
        String text = utf8(s, from, to).toStr().value();
        try {
            ByteBuffer bb = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new UnsupportedConstruct("a str literal that does not encode back to " + encoding, -1);
        }
    }

    /**
     * Chars {@code from..to} (bytes) decoded as 2.7's UTF-8 codec does (it lets encoded surrogates
     * through), with its errors; positions in messages count from {@code from}.
     */
    private static UStr utf8(String s, int from, int to) {
        UStr out = new UStr();
        int i = from;
        while (i < to) {
            int c = s.charAt(i);
            if (c < 0x80) {
                out.add(c);
                i++;
                continue;
            }
            int n = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
            if (n == 0) {
                throw utf8Error(s, from, i, i + 1, "invalid start byte");
            }
            if (i + n > to) {
                int end = i + 1;
                while (end < to && (s.charAt(end) & 0xC0) == 0x80) {
                    end++;
                }
                throw utf8Error(s, from, i, end, "unexpected end of data");
            }
            int c1 = s.charAt(i + 1);
            int cp;
            if (n == 2) {
                if ((c1 & 0xC0) != 0x80) {
                    throw utf8Error(s, from, i, i + 1, "invalid continuation byte");
                }
                cp = (c & 0x1F) << 6 | c1 & 0x3F;
            } else if (n == 3) {
                int c2 = s.charAt(i + 2);
                if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || c == 0xE0 && c1 < 0xA0) {
                    throw utf8Error(s, from, i, (c1 & 0xC0) == 0x80 ? i + 2 : i + 1, "invalid continuation byte");
                }
                cp = (c & 0x0F) << 12 | (c1 & 0x3F) << 6 | c2 & 0x3F;
            } else {
                int c2 = s.charAt(i + 2);
                int c3 = s.charAt(i + 3);
                if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80 || c == 0xF0 && c1 < 0x90
                        || c == 0xF4 && c1 > 0x8F) {
                    int end = i + 1;
                    if ((c1 & 0xC0) == 0x80) {
                        end++;
                        if ((c2 & 0xC0) == 0x80) {
                            end++;
                        }
                    }
                    throw utf8Error(s, from, i, end, "invalid continuation byte");
                }
                cp = (c & 0x07) << 18 | (c1 & 0x3F) << 12 | (c2 & 0x3F) << 6 | c3 & 0x3F;
            }
            out.add(cp);
            i += n;
        }
        return out;
    }

    private static LiteralError utf8Error(String s, int from, int start, int end, String reason) {
        String text = end == start + 1
                ? String.format("'utf8' codec can't decode byte 0x%02x in position %d: %s", (int) s.charAt(start),
                        start - from, reason)
                : String.format("'utf8' codec can't decode bytes in position %d-%d: %s", start - from, end - 1 - from,
                        reason);
        return unicodeError(text, reason);
    }

    /** {@code PyString_DecodeEscape}: a str literal with backslashes; {@code recode} non-null re-encodes. */
    private static byte[] decodeEscape(String s, String recode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                i = nonEscape(s, i, recode, out);
                continue;
            }
            i++;
            c = s.charAt(i++);
            switch (c) {
                case '\n' -> { }
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'v' -> out.write(0x0b);
                case 'a' -> out.write(0x07);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int x = c - '0';
                    if (i < n && isOctal(s.charAt(i))) {
                        x = (x << 3) + s.charAt(i++) - '0';
                        if (i < n && isOctal(s.charAt(i))) {
                            x = (x << 3) + s.charAt(i++) - '0';
                        }
                    }
                    out.write(x & 0xff);
                }
                case 'x' -> {
                    if (i + 1 < n && isHex(s.charAt(i)) && isHex(s.charAt(i + 1))) {
                        out.write(Character.digit(s.charAt(i), 16) << 4 | Character.digit(s.charAt(i + 1), 16));
                        i += 2;
                    } else {
                        throw new LiteralError("ValueError", "invalid \\x escape", null);
                    }
                }
                default -> {
                    out.write('\\');
                    i--;
                    i = nonEscape(s, i, recode, out);
                }
            }
        }
        return out.toByteArray();
    }

    private static int nonEscape(String s, int i, String recode, ByteArrayOutputStream out) {
        char c = s.charAt(i);
        if (recode != null && c >= 0x80) {
            int j = i;
            while (j < s.length() && s.charAt(j) >= 0x80) {
                j++;
            }
            out.writeBytes(recode(s, i, j, recode));
            return j;
        }
        out.write(c);
        return i + 1;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** {@code decode_unicode}: a unicode literal's body. */
    private static UStr decodeUnicode(String s, boolean raw, String encoding) {
        if (encoding != null && !encoding.equals("iso-8859-1")) {
            // the source's UTF-8 becomes \U escapes first, a backslash before it \u005c
            StringBuilder buf = new StringBuilder(s.length() + 16);
            int n = s.length();
            int i = 0;
            while (i < n) {
                if (s.charAt(i) == '\\') {
                    buf.append('\\');
                    i++;
                    if (i < n && s.charAt(i) >= 0x80) {
                        buf.append("u005c");
                    }
                }
                if (i < n && s.charAt(i) >= 0x80) {
                    int j = i;
                    while (j < n && s.charAt(j) >= 0x80) {
                        j++;
                    }
                    UStr run = utf8(s, i, j);
                    for (int k = 0; k < run.n; k++) {
                        buf.append(String.format("\\U%08x", run.cps[k]));
                    }
                    i = j;
                } else if (i < n) {
                    buf.append(s.charAt(i++));
                }
            }
            s = buf.toString();
        }
        return raw ? rawUnicodeEscape(s) : unicodeEscape(s);
    }

    private static UStr unicodeEscape(String s) {
        UStr out = new UStr();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.add(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            c = s.charAt(i++);
            switch (c) {
                case '\n' -> { }
                case '\\' -> out.add('\\');
                case '\'' -> out.add('\'');
                case '"' -> out.add('"');
                case 'b' -> out.add('\b');
                case 'f' -> out.add('\f');
                case 't' -> out.add('\t');
                case 'n' -> out.add('\n');
                case 'r' -> out.add('\r');
                case 'v' -> out.add(0x0b);
                case 'a' -> out.add(0x07);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int x = c - '0';
                    if (i < n && isOctal(s.charAt(i))) {
                        x = (x << 3) + s.charAt(i++) - '0';
                        if (i < n && isOctal(s.charAt(i))) {
                            x = (x << 3) + s.charAt(i++) - '0';
                        }
                    }
                    out.add(x);
                }
                case 'x', 'u', 'U' -> {
                    int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    String message = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape"
                            : "truncated \\UXXXXXXXX escape";
                    long x = 0;
                    for (int k = 0; k < digits; k++) {
                        if (i >= n || !isHex(s.charAt(i))) {
                            throw decodeError("unicodeescape", s, start, i, message);
                        }
                        x = x << 4 | Character.digit(s.charAt(i++), 16);
                    }
                    if (x > 0x10FFFF) {
                        throw decodeError("unicodeescape", s, start, i, "illegal Unicode character");
                    }
                    out.add((int) x);
                }
                case 'N' -> {
                    String message = "malformed \\N character escape";
                    if (i < n && s.charAt(i) == '{') {
                        int st = i + 1;
                        int j = i;
                        while (j < n && s.charAt(j) != '}') {
                            j++;
                        }
                        if (j > st && j < n) {
                            out.add(characterNamed(s.substring(st, j), s, start, j + 1));
                            i = j + 1;
                            break;
                        }
                        throw decodeError("unicodeescape", s, start, j, message);
                    }
                    throw decodeError("unicodeescape", s, start, i, message);
                }
                default -> {
                    out.add('\\');
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * The character {@code \N{name}} names in 2.x's unicodedata (Unicode 5.2): a CJK unified ideograph
     * by its code, else a character whose Unicode name (any case) this JDK knows and 5.2 already had.
     */
    private static int characterNamed(String name, String s, int start, int end) {
        String prefix = "CJK UNIFIED IDEOGRAPH-";
        if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            // this form (and its hex digits) only in upper case
            String hex = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
            if ((hex.length() == 4 || hex.length() == 5)
                    && hex.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'F')) {
                int cp = Integer.parseInt(hex, 16);
                if (cp >= 0x3400 && cp <= 0x4DB5 || cp >= 0x4E00 && cp <= 0x9FCB || cp >= 0x20000 && cp <= 0x2A6D6
                        || cp >= 0x2A700 && cp <= 0x2B734) {
                    return cp;
                }
            }
            throw decodeError("unicodeescape", s, start, end, "unknown Unicode character name");
        }
        if (name.startsWith("HANGUL SYLLABLE ")) {
            int cp = hangulSyllable(name.substring(16));
            if (cp < 0) {
                throw decodeError("unicodeescape", s, start, end, "unknown Unicode character name");
            }
            return cp;
        }
        int cp;
        try {
            cp = Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw decodeError("unicodeescape", s, start, end, "unknown Unicode character name");
        }
        String real = Character.getName(cp);
        boolean hangul = cp >= 0xAC00 && cp <= 0xD7A3; // computed names, handled above
        if (real == null || hangul || !real.equalsIgnoreCase(name) || !Unicode52Names.named(cp)) {
            // a JDK alias or block-name form, or a character named after Unicode 5.2
            throw decodeError("unicodeescape", s, start, end, "unknown Unicode character name");
        }
        return cp;
    }

    private static final String[] JAMO_L = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
        "C", "K", "T", "P", "H"};
    private static final String[] JAMO_V = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO",
        "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
    private static final String[] JAMO_T = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
        "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    /** A Hangul syllable by its jamo (after "HANGUL SYLLABLE "), longest match each, as unicodedata reads it; or -1. */
    private static int hangulSyllable(String rest) {
        int[] at = {0};
        int l = longestJamo(rest, at, JAMO_L);
        int v = longestJamo(rest, at, JAMO_V);
        int t = longestJamo(rest, at, JAMO_T);
        if (l < 0 || v < 0 || t < 0 || at[0] != rest.length()) {
            return -1;
        }
        return 0xAC00 + (l * JAMO_V.length + v) * JAMO_T.length + t;
    }

    private static int longestJamo(String s, int[] at, String[] names) {
        int best = -1;
        int len = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() > len && s.startsWith(names[i], at[0])) {
                len = names[i].length();
                best = i;
            }
        }
        at[0] += Math.max(len, 0);
        return best;
    }

    private static UStr rawUnicodeEscape(String s) {
        UStr out = new UStr();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.add(c);
                i++;
                continue;
            }
            int start = i;
            int bs = i;
            while (i < n && s.charAt(i) == '\\') {
                out.add('\\');
                i++;
            }
            if (((i - bs) & 1) == 0 || i >= n || (s.charAt(i) != 'u' && s.charAt(i) != 'U')) {
                continue;
            }
            out.n--; // the last backslash starts the escape
            int count = s.charAt(i) == 'u' ? 4 : 8;
            i++;
            long x = 0;
            for (int k = 0; k < count; k++) {
                if (i >= n || !isHex(s.charAt(i))) {
                    throw decodeError("rawunicodeescape", s, start, i, "truncated \\uXXXX");
                }
                x = x << 4 | Character.digit(s.charAt(i++), 16);
            }
            if (x > 0x10FFFF) {
                throw decodeError("rawunicodeescape", s, start, i, "\\Uxxxxxxxx out of range");
            }
            out.add((int) x);
        }
        return out;
    }

    /** A UnicodeDecodeError as ast.c reports it: "(unicode error) " + its str(), cut to 127 bytes. */
    private static LiteralError decodeError(String codec, String s, int start, int end, String reason) {
        String text = end == start + 1
                ? String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, (int) s.charAt(start),
                        start, reason)
                : String.format("'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end - 1, reason);
        return unicodeError(text, reason);
    }

    private static LiteralError unicodeError(String text, String reason) {
        String msg = "(unicode error) " + text;
        return new LiteralError("SyntaxError", msg.length() > 127 ? msg.substring(0, 127) : msg, reason);
    }
}
