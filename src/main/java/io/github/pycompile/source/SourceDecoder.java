package io.github.pycompile.source;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * The first step of CPython's tokenizer on the bytes {@code py_compile} hands to {@code compile()}:
 * null bytes, the UTF-8 BOM, a PEP 263 coding declaration on line 1 or 2, decoding, and universal
 * newlines. 3.x targets get text; 2.x targets get the bytes themselves as text (one char per byte),
 * since a 2.x {@code str} source is bytes — after checking that the declared codec can decode them.
 */
public final class SourceDecoder {
    private SourceDecoder() {}

    /**
     * The decoded source: newlines translated to {@code \n}; the encoding as CPython names it.
     * {@code recodedToUtf8} (2.x only): the text holds the UTF-8 bytes of the source, which 2.x's
     * tokenizer works on when a cookie names a codec other than utf-8 and latin-1; its parser turns
     * plain string literals back into that codec. {@code declared}: a BOM or a coding cookie named the
     * encoding (CPython's {@code tok->encoding} is then set, and 3.9–3.12 report parser error offsets in
     * characters instead of UTF-8 bytes).
     */
    public record DecodedSource(String text, String encoding, boolean bom, boolean recodedToUtf8, boolean declared,
            boolean ascii) {}

    /** Every codec name CPython accepts (normalised) and the codec it names; made by scripts/golden/python_codecs.py. */
    private static final Map<String, String> PYTHON_CODECS = loadCodecs();

    private static Map<String, String> loadCodecs() {
        Map<String, String> m = new java.util.HashMap<>();
        try (var in = SourceDecoder.class.getResourceAsStream("python-codecs.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                int sp = line.indexOf(' ');
                if (sp > 0) {
                    m.put(line.substring(0, sp), line.substring(sp + 1).trim());
                }
            }
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("python-codecs.txt missing from the plugin", e);
        }
        return m;
    }

    /**
     * Codecs whose JDK decoder gives exactly what CPython's does for text (single-byte tables and the
     * Unicode ones); others are refused rather than risk a different string.
     */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("utf-8", "UTF-8"), Map.entry("ascii", "US-ASCII"), Map.entry("iso8859-1", "ISO-8859-1"),
            Map.entry("iso8859-2", "ISO-8859-2"), Map.entry("iso8859-4", "ISO-8859-4"),
            Map.entry("iso8859-5", "ISO-8859-5"), Map.entry("iso8859-7", "ISO-8859-7"),
            Map.entry("iso8859-9", "ISO-8859-9"), Map.entry("iso8859-13", "ISO-8859-13"),
            Map.entry("iso8859-15", "ISO-8859-15"), Map.entry("cp1250", "windows-1250"),
            Map.entry("cp1251", "windows-1251"), Map.entry("cp1252", "windows-1252"),
            Map.entry("cp1253", "windows-1253"), Map.entry("cp1254", "windows-1254"),
            Map.entry("cp1257", "windows-1257"), Map.entry("koi8-r", "KOI8-R"), Map.entry("koi8-u", "KOI8-U"),
            Map.entry("cp437", "IBM437"), Map.entry("euc_jp", "EUC-JP"), Map.entry("shift_jis", "Shift_JIS"),
            Map.entry("gbk", "GBK"), Map.entry("big5", "Big5"), Map.entry("euc_kr", "EUC-KR"));

    /**
     * The codec CPython's {@code codecs.lookup} finds for a cookie's name (lower case, runs of other
     * than letters, digits and '.' as one '_', then its alias table), or null: an unknown encoding.
     */
    public static String pythonCodec(String encoding) {
        String lower = encoding.toLowerCase(Locale.ROOT);
        if (lower.equals("utf-8") || lower.equals("iso-8859-1")) {
            return lower.equals("utf-8") ? "utf-8" : "iso8859-1";
        }
        StringBuilder sb = new StringBuilder();
        boolean punct = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.')) {
                if (punct && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                punct = false;
            } else {
                punct = true;
            }
        }
        String key = sb.toString();
        String codec = PYTHON_CODECS.get(key);
        return codec != null ? codec : PYTHON_CODECS.get(key.replace('.', '_'));
    }

    static Charset javaCharset(String codec) {
        String java = JAVA_NAMES.get(codec);
        if (java == null) {
            return null;
        }
        try {
            return Charset.forName(java);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    public static DecodedSource decode(byte[] src, PythonVersion target, String filename)
            throws PythonError, UnsupportedFeatureException {
        int bytes = scan(src);
        if ((bytes & NUL) != 0) {
            throw nullBytes(target);
        }
        boolean bom = src.length >= 3 && (src[0] & 0xff) == 0xef && (src[1] & 0xff) == 0xbb && (src[2] & 0xff) == 0xbf;
        int start = bom ? 3 : 0;
        String cookie = findCookie(src, start);
        String encoding = cookie == null ? (target.isPython2() ? "ascii" : "utf-8") : normalName(cookie);
        int noOffset = target.atLeast(PythonVersion.V3_9) ? -1 : 0;
        if (bom && cookie != null && !encoding.equals("utf-8")) {
            if (target.atLeast(PythonVersion.V3_14)) {
                // 3.14 reports it at the cookie's line, spanning the line
                int cookieLineno = cookieLineno(src, start);
                String line = cookieLine(src, start, cookieLineno);
                throw new PythonError("SyntaxError", "encoding problem: " + encoding + " with BOM", filename, cookieLineno,
                        0, line, cookieLineno, line.length());
            }
            // 2.6 names the BOM's encoding, 2.7+ the declared one
            String what = target == PythonVersion.V2_6 ? "utf-8" : encoding + " with BOM";
            throw new PythonError("SyntaxError", "encoding problem: " + what, filename, 0, noOffset, null, -1, -1);
        }
        if (bom) {
            encoding = "utf-8";
        }
        String text;
        boolean recoded = false;
        boolean ascii = false;
        if (target.isPython2() && (cookie == null || encoding.equals("utf-8") || encoding.equals("iso-8859-1"))) {
            // 2.x's tokenizer works on the bytes themselves unless a cookie names another codec
            text = new String(src, start, src.length - start, StandardCharsets.ISO_8859_1);
        } else if (encoding.equals("utf-8")) {
            ascii = (bytes & NON_ASCII) == 0;
            text = ascii ? new String(src, start, src.length - start, StandardCharsets.ISO_8859_1) : decodeUtf8(src, start);
        } else {
            String codec = pythonCodec(encoding);
            if (codec == null && target == PythonVersion.V2_7
                    && encoding.toLowerCase(Locale.ROOT).replace('-', '_').equals("string_escape")) {
                // 2.7 finds the codec, but it decodes to str, not unicode (2.6 does not find it)
                throw new PythonError("SyntaxError", stringEscapeError(src, start), filename, 0, noOffset, null, -1, -1);
            }
            if (codec == null) {
                throw new PythonError("SyntaxError", "unknown encoding: " + encoding, filename, 0, noOffset, null, -1, -1);
            }
            Charset cs = javaCharset(codec);
            if (cs == null) {
                throw new UnsupportedFeatureException(target, "sources in the " + codec + " codec", -1);
            }
            CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                text = dec.decode(ByteBuffer.wrap(src, start, src.length - start)).toString();
            } catch (CharacterCodingException e) {
                String message = codecError(encoding, src, start);
                if (message == null) {
                    // other codecs' messages are not reproduced yet
                    throw new UnsupportedFeatureException(target, "source that does not decode as " + encoding, -1);
                }
                throw new PythonError("SyntaxError", message, filename, 0, noOffset, null, -1, -1);
            }
            if (target.isPython2()) {
                // 2.x recodes such a source to UTF-8 before tokenizing it
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                text = new String(utf8, StandardCharsets.ISO_8859_1);
                recoded = true;
            }
        }
        String translated = translateNewlines(text);
        if ((target == PythonVersion.V3_9 || target == PythonVersion.V3_10 || target == PythonVersion.V3_11)
                && text.endsWith("\r\n")) {
            // 3.9-3.11 translate a final "\r\n" to "\n" and then add a newline all the same (the string
            // no longer seems to end with one): one more, empty, line at the end, where the errors at the
            // end of the source are placed
            translated += "\n";
        }
        return new DecodedSource(translated, encoding, bom, recoded, bom || cookie != null, ascii);
    }

    /** What 2.7 reports for a source declared as string-escape: the codec's own error, or its result's type. */
    private static String stringEscapeError(byte[] src, int start) {
        for (int i = start; i < src.length; i++) {
            if (src[i] != '\\') {
                continue;
            }
            if (++i == src.length) {
                return "Trailing \\ in string";
            }
            if (src[i] == 'x') {
                boolean ok = i + 2 < src.length && Character.digit(src[i + 1], 16) >= 0
                        && Character.digit(src[i + 2], 16) >= 0;
                if (!ok) {
                    return "invalid \\x escape";
                }
                i += 2;
            }
        }
        return "decoder did not return an unicode object (type=str)";
    }

    private static PythonError nullBytes(PythonVersion target) {
        if (target.isPython2()) {
            return PythonError.plain("TypeError", "compile() expected string without null bytes");
        }
        // 3.11.7 (the installed 3.11) and later raise SyntaxError; earlier 3.x ValueError
        return PythonError.plain(target.atLeast(PythonVersion.V3_11) ? "SyntaxError" : "ValueError",
                "source code string cannot contain null bytes");
    }

    /** {@link #scan}: the source holds a null byte. */
    private static final int NUL = 1;
    /** {@link #scan}: the source holds a byte beyond ASCII. */
    private static final int NON_ASCII = 2;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * One pass over the source for what decoding must know first: {@link #NUL} if a byte is 0,
     * else {@link #NON_ASCII} if one is 0x80 or above. Eight bytes at a time: a byte is 0 where subtracting 1
     * from it borrows into its top bit while that bit was clear.
     */
    static int scan(byte[] src) {
        long high = 0;
        int n = src.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long v = (long) LONGS.get(src, i);
            high |= v;
            if (((v - LOW_BITS) & ~v & HIGH_BITS) != 0) {
                return NUL; // the source is refused: whether it is ASCII no longer matters
            }
        }
        int found = 0;
        for (; i < n; i++) {
            byte b = src[i];
            if (b == 0) {
                found |= NUL;
            } else if (b < 0) {
                found |= NON_ASCII;
            }
        }
        return found | ((high & HIGH_BITS) != 0 ? NON_ASCII : 0);
    }

    /**
     * The coding declaration of line 1, or of line 2 when line 1 holds nothing but blanks and a comment:
     * optional blanks (space, tab, form feed), {@code #}, then anywhere {@code coding} followed by
     * {@code :} or {@code =}, optional spaces and tabs, and a name of letters, digits, {@code -_.}.
     */
    static String findCookie(byte[] src, int start) {
        int lineStart = start;
        for (int line = 0; line < 2 && lineStart < src.length; line++) {
            int end = lineStart;
            while (end < src.length && src[end] != '\n') {
                end++;
            }
            int i = lineStart;
            while (i < end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f')) {
                i++;
            }
            if (i < end && src[i] == '#') {
                String cs = cookieIn(src, i, end);
                if (cs != null) {
                    return cs;
                }
            } else if (i < end && src[i] != '\r') {
                return null; // a line of code ends the search
            }
            lineStart = end + 1;
        }
        return null;
    }

    /** The line (1 or 2) holding the coding declaration {@link #findCookie} finds. */
    static int cookieLineno(byte[] src, int start) {
        int lineStart = start;
        while (lineStart < src.length && src[lineStart] != '\n') {
            lineStart++;
        }
        return findCookie(java.util.Arrays.copyOf(src, lineStart), start) != null ? 1 : 2;
    }

    private static String cookieIn(byte[] src, int from, int end) {
        for (int i = from; i + 6 <= end; i++) {
            if (src[i] == 'c' && src[i + 1] == 'o' && src[i + 2] == 'd' && src[i + 3] == 'i' && src[i + 4] == 'n'
                    && src[i + 5] == 'g' && i + 6 < end && (src[i + 6] == ':' || src[i + 6] == '=')) {
                int j = i + 7;
                while (j < end && (src[j] == ' ' || src[j] == '\t')) {
                    j++;
                }
                int k = j;
                while (k < end && (Character.isLetterOrDigit(src[k]) && src[k] > 0 || src[k] == '-' || src[k] == '_'
                        || src[k] == '.')) {
                    k++;
                }
                if (k > j) {
                    return new String(src, j, k - j, StandardCharsets.ISO_8859_1);
                }
            }
        }
        return null;
    }

    /** CPython's {@code get_normal_name}: the utf-8 and latin-1 families, else the name as written. */
    static String normalName(String cs) {
        String lower = cs.substring(0, Math.min(12, cs.length())).toLowerCase(Locale.ROOT).replace('_', '-');
        if (lower.equals("utf-8") || lower.startsWith("utf-8-")) {
            return "utf-8";
        }
        for (String l1 : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (lower.equals(l1) || lower.startsWith(l1 + "-")) {
                return "iso-8859-1";
            }
        }
        return cs;
    }

    /** The JDK decoder for a cookie's encoding when CPython knows the codec and the JDK decodes it exactly; else null. */
    public static Charset lookup(String encoding) {
        String codec = pythonCodec(encoding);
        return codec == null ? null : javaCharset(codec);
    }

    /** The UnicodeDecodeError text of the declared codec as the SyntaxError carries it; null if not known. */
    private static String codecError(String encoding, byte[] src, int start) {
        String key = encoding.toLowerCase(Locale.ROOT).replace('_', '-');
        if (key.equals("ascii") || key.equals("us-ascii")) {
            for (int i = start; i < src.length; i++) {
                if ((src[i] & 0xff) >= 0x80) {
                    return String.format("'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)",
                            src[i] & 0xff, i - start);
                }
            }
        }
        return null;
    }

    private static String cookieLine(byte[] src, int start, int cookieLineno) {
        int at = start;
        for (int l = 1; l < cookieLineno; l++) {
            while (at < src.length && src[at] != '\n') {
                at++;
            }
            at++;
        }
        int e = at;
        while (e < src.length && src[e] != '\n' && src[e] != '\r') {
            e++;
        }
        return new String(src, at, e - at, StandardCharsets.ISO_8859_1);
    }

    /**
     * UTF-8 as Python decodes it (no surrogates, no overlong forms), except that each byte of an invalid
     * sequence becomes the lone surrogate {@code U+DC00+byte} ("surrogateescape"): CPython 3.6–3.13's
     * tokenizer passes such bytes on and complains only where they appear in a name or a literal; 3.14
     * complains when it reads the line. The tokenizer reproduces both.
     */
    static String decodeUtf8(byte[] b, int start) {
        int i = start;
        int n = b.length;
        // fast path: ASCII prefix
        while (i < n && b[i] >= 0) {
            i++;
        }
        if (i == n) {
            return new String(b, start, n - start, StandardCharsets.ISO_8859_1);
        }
        // at most one char per byte (a 4-byte sequence gives a surrogate pair)
        char[] out = new char[n - start];
        int len = 0;
        for (int k = start; k < i; k++) {
            out[len++] = (char) b[k];
        }
        while (i < n) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                out[len++] = (char) b0;
                i++;
                continue;
            }
            int need = Utf8Rules.continuationCount(b0);
            boolean ok = need > 0;
            int cp = need == 1 ? b0 & 0x1F : need == 2 ? b0 & 0x0F : b0 & 0x07;
            for (int k = 1; ok && k <= need; k++) {
                if (i + k >= n || !Utf8Rules.validContinuation(b0, k, b[i + k] & 0xff)) {
                    ok = false;
                } else {
                    cp = cp << 6 | (b[i + k] & 0x3F);
                }
            }
            if (!ok) {
                out[len++] = (char) (0xDC00 + b0); // an undecodable byte, kept escaped
                i++;
                continue;
            }
            len += Character.toChars(cp, out, len);
            i += need + 1;
        }
        return new String(out, 0, len);
    }

    /** Universal newlines: {@code \r\n} and lone {@code \r} become {@code \n}. */
    static String translateNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

}
