package io.github.pycompile.flowgraph;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Complex;
import io.github.pycompile.marshal.PyObject.Float;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.PySet;
import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.target.PythonVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The identity CPython gives a constant when merging ({@code _PyCode_ConstantKey}): equal values of
 * the same type are one constant ({@code 1}, {@code 1.0} and {@code True} are three); {@code -0.0}
 * differs from {@code 0.0} (floats and complex compare by bit pattern, except that a NaN equals
 * only itself); tuples and frozensets by their items' keys; code objects by value (their marshal
 * stream, compared only when a cheap hash matches); anything else by identity.
 */
public final class ConstKey {
    private final Object key;

    private ConstKey(Object key) {
        this.key = key;
    }

    public static ConstKey of(PyObject o) {
        return new ConstKey(keyOf(o));
    }

    private static Object keyOf(PyObject o) {
        if (o instanceof Singleton) {
            return o;
        } else if (o instanceof Int i) {
            return List.of("int", i.value());
        } else if (o instanceof Float f && !Double.isNaN(Double.longBitsToDouble(f.bits()))) {
            return List.of("float", f.bits());
        } else if (o instanceof Complex c && !Double.isNaN(Double.longBitsToDouble(c.realBits()))
                && !Double.isNaN(Double.longBitsToDouble(c.imagBits()))) {
            return List.of("complex", c.realBits(), c.imagBits());
        } else if (o instanceof Str s) {
            return List.of("str", s.value(), s.lonePairs());
        } else if (o instanceof Bytes b) {
            return List.of("bytes", ByteBuffer.wrap(b.value()));
        } else if (o instanceof Tuple t) {
            List<Object> items = new ArrayList<>();
            items.add("tuple");
            for (PyObject x : t.items()) {
                items.add(keyOf(x));
            }
            return items;
        } else if (o instanceof PySet s && s.frozen()) {
            Set<Object> items = new HashSet<>();
            for (PyObject x : s.items()) {
                items.add(keyOf(x));
            }
            return List.of("frozenset", items);
        } else if (o instanceof PyObject.Code c) {
            // code objects compare by value (code_richcompare): a block compiled twice (a while
            // loop's test holding a lambda or generator expression) yields one constant
            return new CodeKey(c);
        }
        return new Identity(o);
    }

    /**
     * A code object's key: its marshalled bytes, computed only when two keys' hashes meet. The hash
     * reads only fields the marshal stream holds, so equal streams have equal hashes.
     */
    private static final class CodeKey {
        private final PyObject.Code code;
        private final int hash;
        private ByteBuffer bytes;

        CodeKey(PyObject.Code c) {
            this.code = c;
            int h = Objects.hash(c.argCount(), c.posOnlyArgCount(), c.kwOnlyArgCount(), c.stackSize(), c.flags(),
                    c.firstLineNo());
            h = 31 * h + (c.code() instanceof Bytes b ? Arrays.hashCode(b.value()) : 0);
            h = 31 * h + (c.name() instanceof Str s ? s.value().hashCode() : 0);
            this.hash = h;
        }

        private ByteBuffer bytes() {
            if (bytes == null) {
                bytes = ByteBuffer.wrap(MarshalWriter.dumps(code, PythonVersion.V3_11, x -> false, false));
            }
            return bytes;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CodeKey k && (k.code == code || k.hash == hash && k.bytes().equals(bytes()));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Identity(PyObject o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstKey k && k.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
