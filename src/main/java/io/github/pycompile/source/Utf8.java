package io.github.pycompile.source;

import java.nio.charset.StandardCharsets;

/**
 * CPython's UTF-8 decoder where it differs from Java's: the exact extent and reason of each invalid
 * sequence (as {@code UnicodeDecodeError} reports it) and {@code errors="replace"} with one U+FFFD per
 * such extent (surrogate encodings {@code ED A0..BF} are invalid from their second byte on).
 */
public final class Utf8 {
    private Utf8() {}

    /** An invalid sequence: {@code b[start:end]}, and why. */
    public record Error(int start, int end, String reason) {}

    /** The first invalid sequence of {@code b[from:to]}, or null. */
    public static Error firstError(byte[] b, int from, int to) {
        for (int i = from; i < to; ) {
            Error e = errorAt(b, i, to);
            if (e != null) {
                return e;
            }
            i += length(b[i] & 0xff);
        }
        return null;
    }

    private static int length(int c) {
        return c < 0x80 ? 1 : c <= 0xDF ? 2 : c <= 0xEF ? 3 : 4;
    }

    /** The error starting at {@code i}, or null when a valid character starts there. */
    private static Error errorAt(byte[] b, int i, int to) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
            return null;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return new Error(i, i + 1, "invalid start byte");
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= to) {
                return new Error(i, to, "unexpected end of data");
            }
            int d = b[i + k] & 0xff;
            boolean ok = k == 1 ? d >= lo && d <= hi : d >= 0x80 && d <= 0xBF;
            if (!ok) {
                return new Error(i, i + k, "invalid continuation byte");
            }
        }
        return null;
    }

    /**
     * The bytes a decoded text stands for: UTF-8, except that the decoder's escaped undecodable bytes
     * (U+DC80..U+DCFF, {@code surrogateescape}) become those bytes again.
     */
    public static byte[] rawBytes(String text) {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xDC80 && cp <= 0xDCFF) {
                raw.write(cp - 0xDC00);
            } else {
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                raw.write(b, 0, b.length);
            }
        }
        return raw.toByteArray();
    }

    /** {@code b.decode('utf-8', 'replace')}. */
    public static String decodeReplace(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        int run = 0;
        while (i < b.length) {
            Error e = errorAt(b, i, b.length);
            if (e == null) {
                i += length(b[i] & 0xff);
                continue;
            }
            out.append(new String(b, run, i - run, StandardCharsets.UTF_8)).append('\uFFFD');
            i = e.end();
            run = i;
        }
        return out.append(new String(b, run, b.length - run, StandardCharsets.UTF_8)).toString();
    }

    /** The text of {@code e} as {@code UnicodeDecodeError.__str__} gives it for {@code b}. */
    public static String message(byte[] b, Error e, int base) {
        if (e.end() - e.start() == 1) {
            return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[e.start()] & 0xff,
                    e.start() - base, e.reason());
        }
        return String.format("'utf-8' codec can't decode bytes in position %d-%d: %s", e.start() - base,
                e.end() - 1 - base, e.reason());
    }
}
