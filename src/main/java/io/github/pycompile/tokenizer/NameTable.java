package io.github.pycompile.tokenizer;

/**
 * The names of one source, each distinct one held once: a name that recurs (most do) costs its token
 * no new string, and its {@code hashCode}, once computed, serves every later lookup of it (the parser's
 * keyword checks). Open addressing over a power-of-two table, keyed by the characters themselves (hashed as
 * {@code String.hashCode} does).
 */
final class NameTable {
    private String[] strings;
    private int[] hashes;
    private int count;

    /** A table sized for a source of {@code chars} characters (about one distinct name per 40). */
    NameTable(int chars) {
        int size = Integer.highestOneBit(Math.max(16, Math.min(chars / 20, 1 << 14)));
        strings = new String[size];
        hashes = new int[size];
    }

    /** The string of {@code text[start, stop)}, the one returned before for the same characters. */
    String intern(char[] text, int start, int stop) {
        int h = 0;
        for (int i = start; i < stop; i++) {
            h = 31 * h + text[i];
        }
        int len = stop - start;
        int mask = strings.length - 1;
        int i = (h ^ h >>> 16) & mask;
        while (true) {
            String s = strings[i];
            if (s == null) {
                break;
            }
            if (hashes[i] == h && s.length() == len && same(text, start, s)) {
                return s;
            }
            i = (i + 1) & mask;
        }
        String s = new String(text, start, len);
        strings[i] = s;
        hashes[i] = h;
        if (++count * 2 > strings.length) {
            grow();
        }
        return s;
    }

    private static boolean same(char[] text, int start, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (text[start + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        strings = new String[oldStrings.length * 2];
        hashes = new int[oldStrings.length * 2];
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
            }
        }
    }
}
