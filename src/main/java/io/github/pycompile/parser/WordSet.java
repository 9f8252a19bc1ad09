package io.github.pycompile.parser;

/**
 * A fixed set of words (keywords) asked for membership on every NAME token the parser looks at: one
 * slot per word in a table indexed by the word's (cached) {@code hashCode}, chosen at construction so
 * that no two words share a slot. A lookup is one load and one {@code equals}.
 */
final class WordSet {
    private final String[] slots;
    private final int shift;

    WordSet(String... words) {
        for (int size = 64; size <= 1 << 16; size <<= 1) {
            for (int sh = 0; sh < 32; sh++) {
                String[] table = new String[size];
                boolean clash = false;
                for (String w : words) {
                    int i = index(w.hashCode(), sh, size);
                    if (table[i] != null && !table[i].equals(w)) {
                        clash = true;
                        break;
                    }
                    table[i] = w;
                }
                if (!clash) {
                    this.slots = table;
                    this.shift = sh;
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no collision-free table for these words");
    }

    private static int index(int h, int sh, int size) {
        return (h ^ h >>> sh) & (size - 1);
    }

    boolean contains(String s) {
        String w = slots[index(s.hashCode(), shift, slots.length)];
        return w != null && w.equals(s);
    }
}
