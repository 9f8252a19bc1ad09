package io.github.pycompile.source;

/**
 * The well-formedness rules of strict UTF-8 as Python's decoder applies them: which lead bytes start
 * a sequence of which length, and the narrowed range of the second byte after E0, ED, F0 and F4
 * (no overlongs, no surrogates, nothing above U+10FFFF). Shared by the source decoder and the
 * tokenizer's error messages.
 */
public final class Utf8Rules {
    private Utf8Rules() {}

    /** Continuation bytes a lead byte needs (1–3), or 0 when it cannot start a sequence. */
    public static int continuationCount(int b0) {
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return 1;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            return 2;
        }
        return b0 >= 0xF0 && b0 <= 0xF4 ? 3 : 0;
    }

    /** Whether {@code b} may be continuation byte number {@code k} (1-based) after lead byte {@code b0}. */
    public static boolean validContinuation(int b0, int k, int b) {
        if (k > 1) {
            return b >= 0x80 && b <= 0xBF;
        }
        int lo = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
        int hi = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
        return b >= lo && b <= hi;
    }
}
