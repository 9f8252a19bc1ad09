package io.github.pycompile.marshal;

import java.math.BigInteger;
import java.util.List;

/**
 * The objects a cache file holds, as marshal writes them. Sharing is by identity (the same Java
 * instance written twice is one object, as in CPython), so the types below are compared by value
 * only by explicit comparisons (records compare by value), never as keys of sharing tables: use an
 * {@code IdentityHashMap}, or {@code flowgraph.ConstKey} for CPython's constant-merging key.
 * Containers copy their lists, so a value cannot change after it is built ({@code byte[]} contents
 * excepted: do not modify an array after handing it over).
 */
public sealed interface PyObject {

    /** None, True, False, Ellipsis and StopIteration: written as one byte, never with FLAG_REF. */
    enum Singleton implements PyObject {
        NONE('N'), TRUE('T'), FALSE('F'), ELLIPSIS('.'), STOP_ITERATION('S');

        final char code;

        Singleton(char code) {
            this.code = code;
        }
    }

    /**
     * An int. {@code py2Long} marks a Python 2 {@code long}, which marshal writes as {@code l} whatever
     * its value; otherwise 2.x writes {@code i}, or {@code I} beyond 32 bits (64-bit Linux), and 3.x
     * {@code i} or {@code l}.
     */
    record Int(BigInteger value, boolean py2Long) implements PyObject {
        public static Int of(long v) {
            return new Int(BigInteger.valueOf(v), false);
        }
    }

    /** A float, kept as its exact bit pattern (NaN payloads and -0.0 included). */
    record Float(long bits) implements PyObject {
        public static Float of(double d) {
            return new Float(Double.doubleToRawLongBits(d));
        }
    }

    record Complex(long realBits, long imagBits) implements PyObject {}

    /**
     * A 3.x {@code str} or 2.x {@code unicode}, held as Java UTF-16 text. Lone surrogates survive;
     * since a high-low pair of lone surrogates looks like the non-BMP character it would spell,
     * {@code lonePairs} says that every such pair in {@code value} stands for two lone surrogates.
     */
    record Str(String value, boolean interned, boolean lonePairs, boolean unshared) implements PyObject {
        public Str(String value, boolean interned) {
            this(value, interned, false, false);
        }

        public Str(String value, boolean interned, boolean lonePairs) {
            this(value, interned, lonePairs, false);
        }

        /**
         * A string CPython builds without its one-character cache (the result of {@code str.replace}),
         * so a one-character latin-1 value is not the shared singleton.
         */
        public static Str unshared(String value) {
            return new Str(value, false, false, true);
        }
    }

    /** A 3.x {@code bytes} or 2.x {@code str}; {@code interned} matters to 2.x only. */
    record Bytes(byte[] value, boolean interned) implements PyObject {}

    record Tuple(List<PyObject> items) implements PyObject {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    record PyList(List<PyObject> items) implements PyObject {
        public PyList {
            items = List.copyOf(items);
        }
    }

    /** Key-value pairs in marshal order. */
    record Dict(List<PyObject> keys, List<PyObject> values) implements PyObject {
        public Dict {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            if (keys.size() != values.size()) {
                throw new IllegalArgumentException(keys.size() + " keys but " + values.size() + " values");
            }
        }
    }

    /** A set or frozenset, elements in the order they are (or were) written. */
    record PySet(List<PyObject> items, boolean frozen) implements PyObject {
        public PySet {
            items = List.copyOf(items);
        }

        /**
         * {@code frozenset(values)}: the values in order, each dropped when an earlier one is equal in
         * Python's sense ({@code 1 == 1.0 == True}, tuples element by element; NaN equals only itself).
         */
        public static PySet frozenOf(List<PyObject> values) {
            List<PyObject> kept = new java.util.ArrayList<>(values.size());
            outer:
            for (PyObject v : values) {
                for (PyObject k : kept) {
                    if (pyEquals(k, v)) {
                        continue outer;
                    }
                }
                kept.add(v);
            }
            return new PySet(kept, true);
        }
    }

    /** Python's {@code a == b} for constants (identity first, as containers compare). */
    static boolean pyEquals(PyObject a, PyObject b) {
        if (a == b) {
            return true;
        }
        java.math.BigDecimal x = realValue(a);
        java.math.BigDecimal y = realValue(b);
        if (x != null || y != null || a instanceof Complex || b instanceof Complex) {
            double ai = a instanceof Complex c ? Double.longBitsToDouble(c.imagBits()) : 0.0;
            double bi = b instanceof Complex c ? Double.longBitsToDouble(c.imagBits()) : 0.0;
            if (a instanceof Complex c) {
                x = finite(Double.longBitsToDouble(c.realBits()));
            }
            if (b instanceof Complex c) {
                y = finite(Double.longBitsToDouble(c.realBits()));
            }
            if (x == null || y == null || ai != bi) {
                return false; // NaN, infinities (compared by value below), or not a number at all
            }
            return x.compareTo(y) == 0;
        }
        if (a instanceof Str s && b instanceof Str t) {
            return s.value().equals(t.value()) && s.lonePairs() == t.lonePairs();
        }
        if (a instanceof Bytes s && b instanceof Bytes t) {
            return java.util.Arrays.equals(s.value(), t.value());
        }
        if (a instanceof Tuple s && b instanceof Tuple t) {
            if (s.items().size() != t.items().size()) {
                return false;
            }
            for (int i = 0; i < s.items().size(); i++) {
                if (!pyEquals(s.items().get(i), t.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PySet s && b instanceof PySet t) {
            if (s.items().size() != t.items().size()) {
                return false;
            }
            outer:
            for (PyObject u : s.items()) {
                for (PyObject w : t.items()) {
                    if (pyEquals(u, w)) {
                        continue outer;
                    }
                }
                return false;
            }
            return true;
        }
        return false;
    }

    /** The exact value of a bool, int or finite float; infinities as huge sentinels; else null. */
    private static java.math.BigDecimal realValue(PyObject o) {
        if (o == Singleton.TRUE) {
            return java.math.BigDecimal.ONE;
        }
        if (o == Singleton.FALSE) {
            return java.math.BigDecimal.ZERO;
        }
        if (o instanceof Int i) {
            return new java.math.BigDecimal(i.value());
        }
        if (o instanceof Float f) {
            return finite(Double.longBitsToDouble(f.bits()));
        }
        return null;
    }

    private static java.math.BigDecimal finite(double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            return java.math.BigDecimal.TEN.pow(400).multiply(java.math.BigDecimal.valueOf(d > 0 ? 1 : -1));
        }
        return new java.math.BigDecimal(d);
    }

    /** A slice constant (marshal 5, CPython 3.14). */
    record Slice(PyObject start, PyObject stop, PyObject step) implements PyObject {}

    /**
     * A code object: the union of the fields of every layout (reference §3). A layout writes only the
     * fields it has: 2.x and ≤3.10 use {@code varnames/freevars/cellvars} and {@code nlocals}; 3.11+
     * uses {@code localsPlusNames/localsPlusKinds}, {@code qualname} and {@code exceptionTable};
     * {@code lineTable} is {@code co_lnotab} up to 3.9 and {@code co_linetable} after.
     */
    record Code(int argCount, int posOnlyArgCount, int kwOnlyArgCount, int nLocals, int stackSize, int flags,
            PyObject code, PyObject consts, PyObject names, PyObject varNames, PyObject freeVars,
            PyObject cellVars, PyObject localsPlusNames, PyObject localsPlusKinds, PyObject filename,
            PyObject name, PyObject qualname, int firstLineNo, PyObject lineTable, PyObject exceptionTable)
            implements PyObject {}
}
