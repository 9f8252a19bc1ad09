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
    record Str(String value, boolean interned, boolean lonePairs) implements PyObject {
        public Str(String value, boolean interned) {
            this(value, interned, false);
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
