package io.github.pycompile.target;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CPython versions this compiler targets, with the facts of their cache files that do not
 * depend on the compiled code: magic number, header layout, marshal format and cache naming
 * (see {@code ../shared/reference/pyc-format.md} §0 and §1).
 *
 * <p>Version-dependent behaviour elsewhere asks this type a question ({@link #hasPep552Header()},
 * {@link #usesPycacheDirectory()}, ...) rather than comparing version numbers inline.
 */
public enum PythonVersion {
    V2_6(2, 6, 62161),
    V2_7(2, 7, 62211),
    V3_6(3, 6, 3379),
    V3_7(3, 7, 3394),
    V3_8(3, 8, 3413),
    V3_9(3, 9, 3425),
    V3_10(3, 10, 3439),
    V3_11(3, 11, 3495),
    V3_12(3, 12, 3531),
    V3_13(3, 13, 3571),
    V3_14(3, 14, 3627);

    /** The target used when none is given: the newest supported. */
    public static final PythonVersion DEFAULT = V3_14;

    private final int major;
    private final int minor;
    private final int magic;

    PythonVersion(int major, int minor, int magic) {
        this.major = major;
        this.minor = minor;
        this.magic = magic;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** The 16-bit magic number, as CPython's {@code MAGIC_NUMBER} holds it before {@code \r\n}. */
    public int magic() {
        return magic;
    }

    /** The four bytes a cache file starts with: magic little-endian, then {@code \r\n}. */
    public byte[] magicBytes() {
        return new byte[] {(byte) magic, (byte) (magic >>> 8), '\r', '\n'};
    }

    /** The magic as a little-endian 32-bit integer ({@code _RAW_MAGIC_NUMBER}), the source-hash key. */
    public long rawMagic() {
        return (magic & 0xFFFFL) | (0x0a0dL << 16);
    }

    /** "X.Y". */
    public String dotted() {
        return major + "." + minor;
    }

    /** {@code sys.implementation.cache_tag}: {@code cpython-3N}; 2.x has none. */
    public Optional<String> cacheTag() {
        return major >= 3 ? Optional.of("cpython-" + major + minor) : Optional.empty();
    }

    public boolean isPython2() {
        return major == 2;
    }

    /** 2.x: 8 bytes (magic, mtime); 3.6: 12 (+ size); 3.7+: 16 (PEP 552 flags). */
    public int headerSize() {
        if (major == 2) {
            return 8;
        }
        return minor < 7 ? 12 : 16;
    }

    /** PEP 552 flags word and hash-based pycs (3.7+). */
    public boolean hasPep552Header() {
        return major == 3 && minor >= 7;
    }

    /** PEP 3147 {@code __pycache__} directories and PEP 488 {@code opt-N} tags (all 3.x targets). */
    public boolean usesPycacheDirectory() {
        return major == 3;
    }

    /** The marshal format {@code py_compile} writes: 2 for 2.x, 4 for 3.6–3.13, 5 for 3.14. */
    public int marshalVersion() {
        if (major == 2) {
            return 2;
        }
        return minor >= 14 ? 5 : 4;
    }

    /** True when {@code importlib.util.source_hash} uses SipHash-1-3 (3.11+) rather than SipHash-2-4. */
    public boolean sourceHashIsSipHash13() {
        return major == 3 && minor >= 11;
    }

    public boolean atLeast(PythonVersion other) {
        return ordinal() >= other.ordinal(); // compareTo's order, without its class checks (hot)
    }

    /** Parses "3.11", "311", "2.7"; empty when the text names no supported target. */
    public static Optional<PythonVersion> parse(String text) {
        String t = text.trim();
        return Arrays.stream(values())
                .filter(v -> v.dotted().equals(t) || (v.major + "" + v.minor).equals(t))
                .findFirst();
    }

    @Override
    public String toString() {
        return dotted();
    }
}
