package io.github.pycompile.symtable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A model of CPython 2's {@code dict} with {@code str} keys, kept only for its iteration order:
 * 2.6 lists a scope's cell and free variables in the order its symbol dictionaries iterate, which
 * is the order of the slots of an open-addressing table. The model follows 2.x's rules: the string
 * hash of Python 2 on a 64-bit build (no randomization), the first slot {@code hash & mask}, the
 * probe sequence {@code i = 5*i + perturb + 1} with {@code perturb} shifted right 5 bits each step,
 * deleted entries left as dummies that a later insertion may reuse, a table of 8 slots at first that
 * grows to the smallest power of two above 4 times the used count once two thirds of the slots
 * are filled (live or dummy), entries re-inserted in slot order when it does, and {@code update}
 * sizing the table once up front before inserting the other dict's entries in its slot order.
 *
 * @param <V> the values (flags, or nothing for the dicts used as sets)
 */
public final class Py2Dict<V> {
    private static final int MINSIZE = 8;
    private static final int PERTURB_SHIFT = 5;
    /** Marks a deleted slot. */
    private static final String DUMMY = new String("<dummy>");

    private String[] keys = new String[MINSIZE];
    private long[] hashes = new long[MINSIZE];
    private Object[] values = new Object[MINSIZE];
    private int fill;
    private int used;

    /** Python 2's {@code str} hash of the Latin-1 bytes of {@code s}, as a 64-bit C long. */
    public static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == 0) {
            return 0;
        }
        long x = (long) (b[0] & 0xff) << 7;
        for (byte c : b) {
            x = (1000003L * x) ^ (c & 0xff);
        }
        x ^= b.length;
        return x == -1 ? -2 : x;
    }

    /** The slot holding {@code key}, or the slot where it would go (the first dummy seen, else the empty one). */
    private int lookup(String key, long hash) {
        int mask = keys.length - 1;
        long i = hash & mask;
        String k = keys[(int) i];
        if (k == null || k.equals(key) && k != DUMMY) {
            return (int) i;
        }
        int freeslot = k == DUMMY ? (int) i : -1;
        for (long perturb = hash; ; perturb >>>= PERTURB_SHIFT) {
            i = (i << 2) + i + perturb + 1;
            int j = (int) (i & mask);
            k = keys[j];
            if (k == null) {
                return freeslot < 0 ? j : freeslot;
            }
            if (k != DUMMY && hashes[j] == hash && k.equals(key)) {
                return j;
            }
            if (k == DUMMY && freeslot < 0) {
                freeslot = j;
            }
        }
    }

    /** Inserts or replaces without any resize check (2.x's insertdict); true when the key is new. */
    private boolean insert(String key, long hash, V value) {
        int j = lookup(key, hash);
        if (values[j] != null) {
            values[j] = value;
            return false;
        }
        if (keys[j] == null) {
            fill++;
        }
        keys[j] = key;
        hashes[j] = hash;
        values[j] = value;
        used++;
        return true;
    }

    private void resize(int minused) {
        int newsize = MINSIZE;
        while (newsize <= minused && newsize > 0) {
            newsize <<= 1;
        }
        String[] ok = keys;
        long[] oh = hashes;
        Object[] ov = values;
        keys = new String[newsize];
        hashes = new long[newsize];
        values = new Object[newsize];
        fill = 0;
        used = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] != null) {
                @SuppressWarnings("unchecked")
                V v = (V) ov[i];
                insert(ok[i], oh[i], v);
            }
        }
    }

    /** 2.x's {@code PyDict_SetItem}: a null value stands for Python's None (present). */
    public void put(String key, V value) {
        Object v = value == null ? NONE : value;
        int before = used;
        @SuppressWarnings("unchecked")
        V vv = (V) v;
        insert(key, hash(key), vv);
        if (used > before && fill * 3 >= keys.length * 2) {
            resize((used > 50000 ? 2 : 4) * used);
        }
    }

    private static final Object NONE = new Object();

    public boolean containsKey(String key) {
        return values[lookup(key, hash(key))] != null;
    }

    /** The value of {@code key}, or null when absent (and when it is None). */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Object v = values[lookup(key, hash(key))];
        return v == NONE ? null : (V) v;
    }

    /** 2.x's {@code PyDict_DelItem} (the key must be present). */
    public void remove(String key) {
        int j = lookup(key, hash(key));
        if (values[j] == null) {
            throw new IllegalStateException("this is a bug: no key " + key);
        }
        keys[j] = DUMMY;
        values[j] = null;
        used--;
    }

    /** 2.x's {@code PyDict_Update(this, other)}: one resize up front, then the other's entries in its order. */
    @SuppressWarnings("unchecked")
    public void update(Py2Dict<V> other) {
        if (other == this || other.used == 0) {
            return;
        }
        if ((fill + other.used) * 3 >= keys.length * 2) {
            resize((used + other.used) * 2);
        }
        for (int i = 0; i < other.keys.length; i++) {
            if (other.values[i] != null) {
                insert(other.keys[i], other.hashes[i], (V) other.values[i]);
            }
        }
    }

    public int size() {
        return used;
    }

    /** The keys in iteration (slot) order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>(used);
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                out.add(keys[i]);
            }
        }
        return out;
    }

    /** Each entry in iteration order (a None value given as null). */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<String, V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                action.accept(keys[i], values[i] == NONE ? null : (V) values[i]);
            }
        }
    }
}
