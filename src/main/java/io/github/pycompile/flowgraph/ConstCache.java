package io.github.pycompile.flowgraph;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.PySet;
import io.github.pycompile.marshal.PyObject.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-module constant cache ({@code c_const_cache}, 3.8+ {@code merge_consts_recursive}): every
 * constant of a module is replaced by the first equal one ({@link ConstKey}) met, tuples and
 * frozensets after their items, so that equal constants are one object across all code objects of
 * the module — which decides marshal's FLAG_REF/back-references.
 */
public final class ConstCache {
    private final Map<ConstKey, PyObject> canonical = new HashMap<>();

    /**
     * The canonical instance for {@code o} without merging its items ({@code merge_const_one}: used
     * for folded tuples, names tuples, line and exception tables).
     */
    public PyObject mergeOne(PyObject o) {
        return canonical.computeIfAbsent(ConstKey.of(o), k -> o);
    }

    /** The canonical instance equal to {@code o}, if one was registered. */
    public PyObject lookup(PyObject o) {
        return canonical.get(ConstKey.of(o));
    }

    /** The canonical instance for {@code o}, registering it when new. */
    public PyObject merge(PyObject o) {
        ConstKey key = ConstKey.of(o);
        PyObject known = canonical.get(key);
        if (known != null) {
            return known;
        }
        PyObject merged = o;
        if (o instanceof Tuple t) {
            List<PyObject> items = new ArrayList<>(t.items().size());
            boolean changed = false;
            for (PyObject x : t.items()) {
                PyObject m = merge(x);
                changed |= m != x;
                items.add(m);
            }
            merged = changed ? new Tuple(items) : o;
        } else if (o instanceof PySet s && s.frozen()) {
            List<PyObject> items = new ArrayList<>(s.items().size());
            boolean changed = false;
            for (PyObject x : s.items()) {
                PyObject m = merge(x);
                changed |= m != x;
                items.add(m);
            }
            merged = changed ? new PySet(items, true) : o;
        }
        canonical.put(key, merged);
        return merged;
    }
}
