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

/** {@code bool(constant)} for the constants a code object can hold. */
final class Truthiness {
    private Truthiness() {}

    static boolean of(PyObject o) {
        if (o instanceof Singleton s) {
            return s != Singleton.NONE && s != Singleton.FALSE;
        } else if (o instanceof Int i) {
            return i.value().signum() != 0;
        } else if (o instanceof Float f) {
            return Double.longBitsToDouble(f.bits()) != 0.0;
        } else if (o instanceof Complex c) {
            return Double.longBitsToDouble(c.realBits()) != 0.0 || Double.longBitsToDouble(c.imagBits()) != 0.0;
        } else if (o instanceof Str s) {
            return !s.value().isEmpty();
        } else if (o instanceof Bytes b) {
            return b.value().length != 0;
        } else if (o instanceof Tuple t) {
            return !t.items().isEmpty();
        } else if (o instanceof PySet s) {
            return !s.items().isEmpty();
        }
        return true;
    }

}
