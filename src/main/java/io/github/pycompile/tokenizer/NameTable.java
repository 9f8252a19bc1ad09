package io.github.pycompile.tokenizer;

/**
 * The names of one source, each distinct one held once: a name that recurs (most do) costs its token
 * no new string, and its {@code hashCode}, once computed, serves every later lookup of it (the parser's
 * keyword checks). Open addressing over a power-of-two table keyed by the characters themselves; each
 * entry remembers where its name first occurred in the source, so a lookup compares the source's own
 * characters (two {@code char[]} ranges, no {@code String.charAt}).
 */
final class NameTable {
    /** The source's characters: every name looked up is a range of them. */
    private final char[] text;
    private String[] strings;
    private int[] hashes;
    /** Where each entry's name first occurred in {@link #text}. */
    private int[] starts;
    private int count;

    /** A table for names in {@code text} (about one distinct name per 40 characters). */
    NameTable(char[] text) {
        this.text = text;
        int size = Integer.highestOneBit(Math.max(16, Math.min(text.length / 20, 1 << 14)));
        strings = new String[size];
        hashes = new int[size];
        starts = new int[size];
    }

    /** The hash {@link #intern} expects for {@code text[start, stop)}. */
    static int hash(char[] text, int start, int stop) {
        int h = 0;
        for (int i = start; i < stop; i++) {
            h = 31 * h + text[i];
        }
        return h;
    }

    /** The string of {@code text[start, stop)}, the one returned before for the same characters. */
    String intern(int start, int stop) {
        return intern(start, stop, hash(text, start, stop));
    }

    /** As {@link #intern(int, int)}, {@code h} being {@link #hash} of the range. */
    String intern(int start, int stop, int h) {
        char[] cs = text;
        int len = stop - start;
        int mask = strings.length - 1;
        int i = (h ^ h >>> 16) & mask;
        while (true) {
            String s = strings[i];
            if (s == null) {
                break;
            }
            if (hashes[i] == h && s.length() == len && same(cs, start, starts[i], len)) {
                return s;
            }
            i = (i + 1) & mask;
        }
        String s = new String(cs, start, len);
        strings[i] = s;
        hashes[i] = h;
        starts[i] = start;
        if (++count * 2 > strings.length) {
            grow();
        }
        return s;
    }

    private static boolean same(char[] cs, int a, int b, int len) {
        for (int k = 0; k < len; k++) {
            if (cs[a + k] != cs[b + k]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        int[] oldStarts = starts;
        strings = new String[oldStrings.length * 2];
        hashes = new int[oldStrings.length * 2];
        starts = new int[oldStrings.length * 2];
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
                starts[i] = oldStarts[k];
            }
        }
    }
}
