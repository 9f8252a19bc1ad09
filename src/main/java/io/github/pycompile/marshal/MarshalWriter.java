package io.github.pycompile.marshal;

import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.Complex;
import io.github.pycompile.marshal.PyObject.Dict;
import io.github.pycompile.marshal.PyObject.Float;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.PyList;
import io.github.pycompile.marshal.PyObject.PySet;
import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.marshal.PyObject.Slice;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code marshal.dumps} of the target's {@code py_compile}: marshal 2 for 2.x (interned strings
 * shared by value through {@code t}/{@code R}), 4 for 3.6–3.13 and 5 for 3.14 (objects the
 * {@code flagged} policy selects carry FLAG_REF and are written as {@code r} references when met
 * again, by identity — reference §2.2).
 *
 * <p>Which objects CPython flags depends on reference counts the compiler knows about, so the caller
 * supplies that decision; the writer applies it.
 */
public final class MarshalWriter {
    private static final int FLAG_REF = 0x80;
    /** CPython's nesting limit for marshal on Linux and in pyodide ({@code MAX_MARSHAL_STACK_DEPTH}). */
    static final int MAX_DEPTH = 2000;
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final PythonVersion target;
    private final int version;
    private final CodeLayout layout;
    private final Predicate<PyObject> flagged;
    private final Map<PyObject, Integer> refs = new IdentityHashMap<>();
    private final Map<String, Integer> interned2 = new HashMap<>();
    private byte[] buf = new byte[4096];
    private int len;
    private int depth;

    private final boolean sortSets;

    /**
     * A FLAG_REF policy that also says how an object is flagged inside the sort key of a set element
     * (3.11/3.12 compute that key while the element is not yet held by the writer's list of pairs, so
     * an element flagged only because it is in a set is unflagged there). Policies without it are used
     * for the keys as they are.
     */
    public interface SetKeyAware {
        boolean flaggedInSetKey(PyObject o);
    }

    private MarshalWriter(PythonVersion target, Predicate<PyObject> flagged, boolean sortSets) {
        this.sortSets = sortSets;
        this.target = target;
        this.version = target.marshalVersion();
        this.layout = CodeLayout.of(target);
        this.flagged = flagged;
    }

    /** The marshal stream of {@code obj} as {@code target} writes it into a cache file. */
    public static byte[] dumps(PyObject obj, PythonVersion target, Predicate<PyObject> flagged) {
        return dumps(obj, target, flagged, true);
    }

    /**
     * As {@link #dumps(PyObject, PythonVersion, Predicate)}; with {@code sortSets} false, set elements
     * keep the model's order on every target (to write back a stream read from a real file).
     */
    public static byte[] dumps(PyObject obj, PythonVersion target, Predicate<PyObject> flagged, boolean sortSets) {
        MarshalWriter w = new MarshalWriter(target, flagged, sortSets);
        w.write(obj);
        return Arrays.copyOf(w.buf, w.len);
    }

    /**
     * Writes one object. CPython counts every nested call, leaves included, and refuses to go past its
     * limit (py_compile then fails with that ValueError).
     */
    private void write(PyObject o) {
        if (++depth > MAX_DEPTH) {
            throw new MarshalException("ValueError", "object too deeply nested to marshal");
        }
        try {
            writeObject(o);
        } finally {
            depth--;
        }
    }

    private void writeObject(PyObject o) {
        if (o instanceof Singleton s) {
            put(s.code);
            return;
        }
        int flag = 0;
        if (version >= 3) {
            Integer idx = refs.get(o);
            if (idx != null) {
                put('r');
                putInt(idx);
                return;
            }
            if (flagged.test(o)) {
                refs.put(o, refs.size());
                flag = FLAG_REF;
            }
        }
        if (o instanceof Int i) {
            writeInt(i, flag);
        } else if (o instanceof Float f) {
            put('g' | flag);
            putLong(f.bits());
        } else if (o instanceof Complex c) {
            put('y' | flag);
            putLong(c.realBits());
            putLong(c.imagBits());
        } else if (o instanceof Str s) {
            writeStr(s, flag);
        } else if (o instanceof Bytes b) {
            writeBytes(b, flag);
        } else if (o instanceof Tuple t) {
            List<PyObject> items = t.items();
            if (version >= 4 && items.size() < 256) {
                put(')' | flag);
                put(items.size());
            } else {
                put('(' | flag);
                putInt(items.size());
            }
            for (PyObject item : items) {
                write(item);
            }
        } else if (o instanceof PyList l) {
            put('[' | flag);
            putInt(l.items().size());
            for (PyObject item : l.items()) {
                write(item);
            }
        } else if (o instanceof Dict d) {
            put('{' | flag);
            for (int k = 0; k < d.keys().size(); k++) {
                write(d.keys().get(k));
                write(d.values().get(k));
            }
            put('0');
        } else if (o instanceof PySet s) {
            put((s.frozen() ? '>' : '<') | flag);
            putInt(s.items().size());
            for (PyObject item : setOrder(s)) {
                write(item);
            }
        } else if (o instanceof Slice s) {
            put(':' | flag);
            write(s.start());
            write(s.stop());
            write(s.step());
        } else if (o instanceof Code c) {
            put('c' | flag);
            writeCode(c);
        } else {
            throw new IllegalArgumentException("cannot marshal " + o);
        }
    }

    private void writeInt(Int i, int flag) {
        BigInteger v = i.value();
        boolean py2 = version < 3;
        if (!(py2 && i.py2Long()) && v.compareTo(INT32_MIN) >= 0 && v.compareTo(INT32_MAX) <= 0) {
            put('i' | flag);
            putInt(v.intValue());
        } else if (py2 && !i.py2Long() && v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0) {
            put('I' | flag);
            putLong(v.longValue());
        } else {
            // base 2**15 digits, least significant first; the digit count carries the sign
            put('l' | flag);
            BigInteger mag = v.abs();
            int ndigits = (mag.bitLength() + 14) / 15;
            putInt(v.signum() < 0 ? -ndigits : ndigits);
            for (int d = 0; d < ndigits; d++) {
                int digit = mag.shiftRight(15 * d).intValue() & 0x7fff;
                put(digit & 0xff);
                put(digit >>> 8);
            }
        }
    }

    private void writeStr(Str s, int flag) {
        String v = s.value();
        if (version < 3) {
            byte[] utf8 = Utf8.encode(v, s.lonePairs());
            put('u');
            putInt(utf8.length);
            putBytes(utf8);
            return;
        }
        boolean ascii = true;
        for (int k = 0; k < v.length(); k++) {
            if (v.charAt(k) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii && version >= 4) {
            int n = v.length();
            if (n < 256) {
                put((s.interned() ? 'Z' : 'z') | flag);
                put(n);
            } else {
                put((s.interned() ? 'A' : 'a') | flag);
                putInt(n);
            }
            ensure(n);
            for (int k = 0; k < n; k++) {
                buf[len++] = (byte) v.charAt(k);
            }
        } else {
            byte[] utf8 = Utf8.encode(v, s.lonePairs());
            put((s.interned() ? 't' : 'u') | flag);
            putInt(utf8.length);
            putBytes(utf8);
        }
    }

    private void writeBytes(Bytes b, int flag) {
        if (version < 3 && b.interned()) {
            String key = new String(b.value(), StandardCharsets.ISO_8859_1);
            Integer idx = interned2.get(key);
            if (idx != null) {
                put('R');
                putInt(idx);
                return;
            }
            interned2.put(key, interned2.size());
            put('t');
        } else {
            put('s' | flag);
        }
        putInt(b.value().length);
        putBytes(b.value());
    }

    /**
     * 3.11+ writes set elements sorted by each element's own marshal bytes (bpo-37596): 3.11/3.12
     * computed the key with a borrowed reference, so only an element shared anyway carries FLAG_REF
     * in its key; 3.13+ holds a new reference while doing so, flagging every non-singleton key.
     * Before 3.11 the model's order is the hash-table order the compiler produced.
     */
    private List<PyObject> setOrder(PySet s) {
        if (!sortSets || !target.atLeast(PythonVersion.V3_11) || s.items().size() < 2) {
            return s.items();
        }
        boolean allFlagged = target.atLeast(PythonVersion.V3_13);
        List<Map.Entry<byte[], PyObject>> keyed = new ArrayList<>();
        Predicate<PyObject> base = flagged instanceof SetKeyAware k ? k::flaggedInSetKey : flagged;
        for (PyObject item : s.items()) {
            Predicate<PyObject> keyPolicy = allFlagged ? o -> o == item || base.test(o) : base;
            keyed.add(Map.entry(dumps(item, target, keyPolicy), item));
        }
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        List<PyObject> out = new ArrayList<>(keyed.size());
        for (Map.Entry<byte[], PyObject> e : keyed) {
            out.add(e.getValue());
        }
        return out;
    }

    private void writeCode(Code c) {
        putInt(c.argCount());
        if (layout == CodeLayout.C || layout == CodeLayout.D) {
            putInt(c.posOnlyArgCount());
        }
        if (layout != CodeLayout.A) {
            putInt(c.kwOnlyArgCount());
        }
        if (layout != CodeLayout.D) {
            putInt(c.nLocals());
        }
        putInt(c.stackSize());
        putInt(c.flags());
        if (layout == CodeLayout.D) {
            writeFields(c.code(), c.consts(), c.names(), c.localsPlusNames(), c.localsPlusKinds(),
                    c.filename(), c.name(), c.qualname());
        } else {
            writeFields(c.code(), c.consts(), c.names(), c.varNames(), c.freeVars(), c.cellVars(),
                    c.filename(), c.name());
        }
        putInt(c.firstLineNo());
        write(c.lineTable());
        if (layout == CodeLayout.D) {
            write(c.exceptionTable());
        }
    }

    private void writeFields(PyObject... fields) {
        for (PyObject f : fields) {
            write(f);
        }
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void put(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    private void putInt(int v) {
        ensure(4);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 24);
    }

    private void putLong(long v) {
        putInt((int) v);
        putInt((int) (v >>> 32));
    }

    private void putBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }
}
