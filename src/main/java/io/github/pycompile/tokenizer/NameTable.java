package io.github.pycompile.tokenizer;

/**
 * The names of one source, each distinct one held once: a name that recurs (most do) costs its token
 * no new string. Open addressing over a power-of-two table keyed by the characters themselves.
 *
 * <p>A lookup touches only this table's own small arrays, never the strings nor the source far back
 * where a name first occurred: a name of at most {@value #PACKED} ASCII characters (nearly all of
 * them) is compared as one {@code long} holding its characters, and a longer one against a copy of its
 * characters kept in {@link #pool}, where the distinct names of a source lie side by side.
 */
final class NameTable {
    /** The longest name whose characters fit one key: 7 bits each, 63 bits in all. */
    static final int PACKED = 9;

    /** The source's characters: every name looked up is a range of them. */
    private final char[] text;
    private String[] strings;
    private int[] hashes;
    private int[] lengths;
    /** A short ASCII name's characters as a key (see {@link #key}), else -1. */
    private long[] keys;
    /** Where a longer name's characters start in {@link #pool}. */
    private int[] offsets;
    private char[] pool = new char[256];
    private int poolSize;
    private int count;

    /** A table for names in {@code text} (about one distinct name per 40 characters). */
    NameTable(char[] text) {
        this.text = text;
        allocate(Integer.highestOneBit(Math.max(64, Math.min(text.length / 16, 1 << 15))));
    }

    private void allocate(int size) {
        strings = new String[size];
        hashes = new int[size];
        lengths = new int[size];
        keys = new long[size];
        offsets = new int[size];
    }

    /** The hash {@link #intern} expects for {@code text[start, stop)}. */
    static int hash(char[] text, int start, int stop) {
        int h = 0;
        for (int i = start; i < stop; i++) {
            h = 31 * h + text[i];
        }
        return h;
    }

    /** {@code text[start, stop)} as one key if it is at most {@value #PACKED} ASCII characters, else -1. */
    private static long key(char[] text, int start, int stop) {
        if (stop - start > PACKED) {
            return -1;
        }
        long k = 0;
        for (int i = start; i < stop; i++) {
            char c = text[i];
            if (c >= 128) {
                return -1;
            }
            k = k << 7 | c;
        }
        return k;
    }

    /** The string of {@code text[start, stop)}, the one returned before for the same characters. */
    String intern(int start, int stop) {
        return intern(start, stop, hash(text, start, stop));
    }

    /** As {@link #intern(int, int)}, {@code h} being {@link #hash} of the range. */
    String intern(int start, int stop, int h) {
        return intern(start, stop, h, key(text, start, stop));
    }

    /**
     * As {@link #intern(int, int, int)} for an ASCII range whose characters were packed as {@link #key}
     * packs them (7 bits each, the first the highest); longer than {@value #PACKED} characters the packing
     * overflowed and is not a key.
     */
    String internAscii(int start, int stop, int h, long packed) {
        return intern(start, stop, h, stop - start <= PACKED ? packed : -1);
    }

    private String intern(int start, int stop, int h, long key) {
        char[] cs = text;
        int len = stop - start;
        int mask = strings.length - 1;
        int i = (h ^ h >>> 16) & mask;
        while (true) {
            String s = strings[i];
            if (s == null) {
                break;
            }
            if (hashes[i] == h && lengths[i] == len
                    && (key >= 0 ? keys[i] == key : keys[i] < 0 && samePooled(cs, start, offsets[i], len))) {
                return s;
            }
            i = (i + 1) & mask;
        }
        String s = new String(cs, start, len);
        strings[i] = s;
        hashes[i] = h;
        lengths[i] = len;
        keys[i] = key;
        if (key < 0) {
            offsets[i] = pooled(cs, start, len);
        }
        if (++count * 2 > strings.length) {
            grow();
        }
        return s;
    }

    private boolean samePooled(char[] cs, int start, int offset, int len) {
        return java.util.Arrays.equals(cs, start, start + len, pool, offset, offset + len);
    }

    /** Copies {@code cs[start, start + len)} to the pool; where it starts there. */
    private int pooled(char[] cs, int start, int len) {
        if (poolSize + len > pool.length) {
            pool = java.util.Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(cs, start, pool, poolSize, len);
        int at = poolSize;
        poolSize += len;
        return at;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        int[] oldLengths = lengths;
        long[] oldKeys = keys;
        int[] oldOffsets = offsets;
        allocate(oldStrings.length * 2);
        int mask = strings.length - 1;
        for (int k = 0; k < oldStrings.length; k++) {
            if (oldStrings[k] != null) {
                int h = oldHashes[k];
                int i = (h ^ h >>> 16) & mask;
                while (strings[i] != null) {
                    i = (i + 1) & mask;
                }
                strings[i] = oldStrings[k];
                hashes[i] = h;
                lengths[i] = oldLengths[k];
                keys[i] = oldKeys[k];
                offsets[i] = oldOffsets[k];
            }
        }
    }
}
