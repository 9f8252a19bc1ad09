package io.github.pycompile.pyc;

import io.github.pycompile.target.PythonVersion;

/**
 * The source hash of a hash-based cache file (PEP 552), as {@code importlib.util.source_hash} of each
 * target computes it: SipHash keyed with k0 = the raw magic number ({@code _RAW_MAGIC_NUMBER}) and
 * k1 = 0 over the raw source bytes — SipHash-2-4 on 3.7–3.10, SipHash-1-3 from 3.11 — stored as
 * the 64-bit result in little-endian order.
 */
public final class SourceHash {
    private SourceHash() {}

    /** The 8 header bytes for {@code source} on {@code target} (3.7+). */
    public static byte[] of(PythonVersion target, byte[] source) {
        if (!target.hasPep552Header()) {
            throw new IllegalArgumentException("CPython " + target + " has no hash-based pycs");
        }
        long h = target.sourceHashIsSipHash13()
                ? sipHash(1, 3, target.rawMagic(), 0L, source)
                : sipHash(2, 4, target.rawMagic(), 0L, source);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (h >>> (8 * i));
        }
        return out;
    }

    /** SipHash-c-d of {@code data} with the 128-bit key (k0, k1), words read little-endian. */
    static long sipHash(int cRounds, int dRounds, long k0, long k1, byte[] data) {
        long[] v = {k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL, k0 ^ 0x6c7967656e657261L,
            k1 ^ 0x7465646279746573L};
        int n = data.length;
        int end = n - (n % 8);
        for (int i = 0; i < end; i += 8) {
            compress(v, littleEndianWord(data, i, 8), cRounds);
        }
        compress(v, ((long) n << 56) | littleEndianWord(data, end, n - end), cRounds);
        v[2] ^= 0xff;
        rounds(v, dRounds);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void compress(long[] v, long m, int cRounds) {
        v[3] ^= m;
        rounds(v, cRounds);
        v[0] ^= m;
    }

    private static void rounds(long[] v, int count) {
        long v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
        for (int r = 0; r < count; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v[0] = v0; v[1] = v1; v[2] = v2; v[3] = v3;
    }

    private static long littleEndianWord(byte[] data, int from, int count) {
        long w = 0;
        for (int i = count - 1; i >= 0; i--) {
            w = (w << 8) | (data[from + i] & 0xFFL);
        }
        return w;
    }
}
