package io.github.pycompile.pyc;

import io.github.pycompile.InvalidationMode;
import io.github.pycompile.target.PythonVersion;

/**
 * The header of a cache file (reference §1.1): 2.x magic + mtime; 3.6 magic + mtime + size;
 * 3.7+ magic + PEP 552 flags + (mtime, size) or the 8-byte source hash. Integers are
 * little-endian 32-bit, mtime and size masked to 32 bits as {@code _pack_uint32} does.
 */
public final class PycHeader {
    private PycHeader() {}

    public static byte[] build(PythonVersion target, InvalidationMode mode, long mtimeSeconds, long size,
            byte[] source) {
        byte[] h = new byte[target.headerSize()];
        System.arraycopy(target.magicBytes(), 0, h, 0, 4);
        if (target.isPython2()) {
            putInt(h, 4, mtimeSeconds);
            return h;
        }
        if (!target.hasPep552Header()) {
            putInt(h, 4, mtimeSeconds);
            putInt(h, 8, size);
            return h;
        }
        InvalidationMode m = mode == null ? InvalidationMode.TIMESTAMP : mode;
        if (m == InvalidationMode.TIMESTAMP) {
            putInt(h, 4, 0);
            putInt(h, 8, mtimeSeconds);
            putInt(h, 12, size);
        } else {
            putInt(h, 4, m == InvalidationMode.CHECKED_HASH ? 3 : 1);
            System.arraycopy(SourceHash.of(target, source), 0, h, 8, 8);
        }
        return h;
    }

    /**
     * The mode {@code py_compile} uses when none is given: CHECKED_HASH when the environment has a
     * non-empty {@code SOURCE_DATE_EPOCH} (3.7+; its value is not used), otherwise TIMESTAMP.
     */
    public static InvalidationMode defaultMode(PythonVersion target, String sourceDateEpoch) {
        if (target.hasPep552Header() && sourceDateEpoch != null && !sourceDateEpoch.isEmpty()) {
            return InvalidationMode.CHECKED_HASH;
        }
        return InvalidationMode.TIMESTAMP;
    }

    private static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
