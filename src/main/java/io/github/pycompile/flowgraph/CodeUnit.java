package io.github.pycompile.flowgraph;

import io.github.pycompile.marshal.PyObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One code object in the making, as 3.11's {@code compiler_unit}: the instructions ({@link #code}) and
 * everything else the assembler needs to build the code object. Code generation fills it; the
 * assembler ({@code io.github.pycompile.assemble.Assembler}) turns it into a {@code PyObject.Code}.
 *
 * <p>Index conventions are 3.11's: {@link #addConst} returns the index in {@code co_consts} (equal
 * constants, by {@link ConstKey}, share one index, and the module's {@link ConstCache} makes them one
 * object); {@link #addName} the index in {@code co_names}; {@link #varnames} are the arguments first
 * (positional-only, positional, keyword-only, *args, **kwargs) then the other locals in first-use
 * order; {@link #cellvars} and {@link #freevars} are in the order CPython gives them (sorted names;
 * 3.11 {@code dictbytype}). See {@link CodeBuilder} for the argument of cell/free opcodes.
 */
public final class CodeUnit {
    /** {@code co_name}. */
    public final String name;
    /** {@code co_qualname}; null means the same as {@link #name}. */
    public final String qualname;
    /** {@code co_firstlineno}. */
    public final int firstLineno;
    public final CodeBuilder code = new CodeBuilder();
    /** Positional-or-keyword parameters, not counting positional-only ones ({@code u_argcount}). */
    public int argCount;
    public int posOnlyArgCount;
    public int kwOnlyArgCount;
    /**
     * {@code co_flags} as 3.11's {@code compute_code_flags} gives them (CO_OPTIMIZED, CO_NEWLOCALS,
     * CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR and the
     * future flags); the assembler adds nothing else for 3.11.
     */
    public int flags;
    public final List<String> varnames = new ArrayList<>();
    public final List<String> cellvars = new ArrayList<>();
    public final List<String> freevars = new ArrayList<>();

    private final ConstCache constCache;
    private final List<PyObject> consts = new ArrayList<>();
    private final Map<ConstKey, Integer> constIndex = new HashMap<>();
    private final Map<String, Integer> names = new LinkedHashMap<>();

    /** A unit whose constants are merged through the module-wide {@code constCache}. */
    public CodeUnit(String name, String qualname, int firstLineno, ConstCache constCache) {
        this.name = name;
        this.qualname = qualname;
        this.firstLineno = firstLineno;
        this.constCache = constCache;
    }

    private PyObject.Str qualnameObject;

    /**
     * The string object of {@link #qualname}: a class body must load its {@code __qualname__} constant
     * with {@code addConst(qualnameObject())} so that, as in CPython, the constant and
     * {@code co_qualname} can be one object.
     */
    public PyObject.Str qualnameObject() {
        if (qualnameObject == null) {
            qualnameObject = new PyObject.Str(qualname == null ? name : qualname, false);
        }
        return qualnameObject;
    }

    /** The index of {@code o} in {@code co_consts}, adding it when new ({@code compiler_add_const}). */
    public int addConst(PyObject o) {
        PyObject canonical = constCache.merge(o);
        ConstKey key = ConstKey.of(canonical);
        Integer i = constIndex.get(key);
        if (i != null) {
            return i;
        }
        consts.add(canonical);
        constIndex.put(key, consts.size() - 1);
        return consts.size() - 1;
    }

    /** The index of {@code name} (already mangled) in {@code co_names}, adding it when new. */
    public int addName(String name) {
        return names.computeIfAbsent(name, n -> names.size());
    }

    /** The index of {@code name} in {@link #varnames}, adding it when new. */
    public int addVarname(String name) {
        int i = varnames.indexOf(name);
        if (i < 0) {
            varnames.add(name);
            i = varnames.size() - 1;
        }
        return i;
    }

    /** {@code co_consts} so far, in index order (the assembler may trim unused trailing ones). */
    public List<PyObject> consts() {
        return Collections.unmodifiableList(consts);
    }

    /** {@code co_names} in index order. */
    public List<String> names() {
        return List.copyOf(names.keySet());
    }

    public ConstCache constCache() {
        return constCache;
    }
}
