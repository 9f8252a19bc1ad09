package io.github.pycompile.marshal;

import java.io.ByteArrayOutputStream;

/**
 * UTF-8 with Python's {@code surrogatepass}: lone surrogates are encoded as their three-byte forms and
 * decoded back, which the JDK's codec would replace.
 */
final class Utf8 {
    private Utf8() {}

    static byte[] encode(String s) {
        return encode(s, false);
    }

    /** With {@code lonePairs}, a surrogate pair is written as two lone surrogates (six bytes). */
    static byte[] encode(String s, boolean lonePairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = lonePairs ? s.charAt(i) : s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                out.write(0xe0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else {
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            }
        }
        return out.toByteArray();
    }

    /** True when decoding these bytes yields two lone surrogates side by side that Java would pair. */
    static boolean hasLonePair(byte[] b, int off, int n) {
        for (int i = off; i + 5 < off + n; i++) {
            if ((b[i] & 0xff) == 0xed && (b[i + 1] & 0xf0) == 0xa0 && (b[i + 3] & 0xff) == 0xed
                    && (b[i + 4] & 0xf0) == 0xb0) {
                return true;
            }
        }
        return false;
    }

    static String decode(byte[] b, int off, int n) {
        StringBuilder sb = new StringBuilder(n);
        int end = off + n;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xff;
            int cp;
            if (c < 0x80) {
                cp = c;
                i += 1;
            } else if (c < 0xe0) {
                cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
                i += 2;
            } else if (c < 0xf0) {
                cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
                i += 3;
            } else {
                cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
                i += 4;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
