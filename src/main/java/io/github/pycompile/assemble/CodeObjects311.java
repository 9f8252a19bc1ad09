package io.github.pycompile.assemble;

import io.github.pycompile.flowgraph.ConstCache;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.PySet;
import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Predicate;

/**
 * Builds the code objects of one module as CPython 3.11 holds them when {@code py_compile} marshals
 * them, object identities included, and says which objects marshal flags (reference §2.3–2.5):
 *
 * <ul>
 *   <li>constants, names tuples, localsplus names, line and exception tables go through the module's
 *       {@link ConstCache} ({@code merge_const_one}), so equal ones are one object;</li>
 *   <li>identifiers, and string constants made only of {@code [A-Za-z0-9_]} (recursively in tuples and
 *       frozensets: {@code intern_string_constants}), are interned: one object per value;</li>
 *   <li>{@code co_code} is a fresh bytes object per code object ({@code _PyCode_GetCode}), always
 *       flagged; {@code co_localspluskinds} is fresh (the empty one is the {@code b''} singleton);</li>
 *   <li>the names 3.11 takes from static strings ({@code <module>}, {@code <lambda>}, ...) are one
 *       non-interned object each, always flagged; so is {@code co_filename}.</li>
 * </ul>
 */
public final class CodeObjects311 {
    /** Names 3.11's compiler takes from statically allocated strings. */
    public static final Set<String> STATIC_NAMES =
            Set.of("<module>", "<lambda>", "<genexpr>", "<listcomp>", "<setcomp>", "<dictcomp>");

    private final ConstCache cache;
    private final PythonVersion target;
    private final Str filename;
    private final Map<String, Str> interned = new HashMap<>();
    private final Map<String, Str> statics = new HashMap<>();
    private final Map<PyObject, PyObject> finalized = new IdentityHashMap<>();
    /** Strings that became the interned object of their value (CPython interns the first in place). */
    private final Map<PyObject, PyObject> internedInPlace = new IdentityHashMap<>();
    private final Set<PyObject> alwaysFlagged = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<PyObject> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> atStartup;
    private Supplier<Set<String>> identifiers = Set::of;
    private Set<String> fileIdentifiers;

    public CodeObjects311(ConstCache cache, String filename) {
        this(PythonVersion.V3_11, cache, filename);
    }

    /**
     * The sharing of {@code target} (3.11 to 3.13). 3.12 shares as 3.11 does. 3.13's code constructor
     * interns {@code co_filename}, {@code co_name} and {@code co_qualname}, and 3.13 interns every
     * one-character latin-1 string constant.
     */
    public CodeObjects311(PythonVersion target, ConstCache cache, String filename) {
        this.cache = cache;
        this.target = target;
        this.filename = internsCodeNames() ? intern(filename) : new Str(filename, false);
        alwaysFlagged.add(this.filename);
        this.atStartup = internedAtStartup(target);
    }

    /**
     * The identifiers of the source (its parser interns every name before code generation starts),
     * computed only if a frozenset constant needs them.
     */
    public void identifiers(Supplier<Set<String>> identifiers) {
        this.identifiers = identifiers;
        this.fileIdentifiers = null;
    }

    private static final Map<PythonVersion, Set<String>> STARTUP = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The name-like strings already interned when {@code python -m py_compile} of {@code v} compiles
     * (measured by {@code scripts/interned/interned_at_startup.sh}); empty for versions not measured.
     */
    static Set<String> internedAtStartup(PythonVersion v) {
        return STARTUP.computeIfAbsent(v, k -> {
            var in = CodeObjects311.class.getResourceAsStream("interned-" + k.dotted() + ".txt");
            if (in == null) {
                return Set.of();
            }
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                Set<String> set = new java.util.HashSet<>();
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isEmpty()) {
                        set.add(line);
                    }
                }
                return set;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Whether an interned string equal to {@code v} exists before any code object is built. */
    private boolean internedBefore(String v) {
        if (atStartup.contains(v)) {
            return true;
        }
        if (fileIdentifiers == null) {
            fileIdentifiers = identifiers.get();
        }
        return fileIdentifiers.contains(v);
    }

    /** 3.13+: the code object's filename, name and qualname are interned. */
    private boolean internsCodeNames() {
        return target.atLeast(PythonVersion.V3_13);
    }

    public ConstCache cache() {
        return cache;
    }

    /** The interned string {@code s} (one object per value in the module). */
    public Str intern(String s) {
        return interned.computeIfAbsent(s, v -> new Str(v, true));
    }

    /** {@code co_name}: a static string for the compiler's own names, else the interned identifier. */
    public Str name(String s) {
        if (STATIC_NAMES.contains(s) && !internsCodeNames()) {
            return statics.computeIfAbsent(s, v -> {
                Str o = new Str(v, false);
                alwaysFlagged.add(o);
                return o;
            });
        }
        return intern(s);
    }

    /**
     * {@code co_qualname}: the name object itself when equal; else {@code qualname} — the object code
     * generation used for it. A class body loads its qualname as its {@code __qualname__} constant,
     * so when that object became the canonical constant the two are one object; when an equal
     * constant was registered before (two classes with one qualname), the code keeps its own.
     */
    public Str qualname(Str qualname, Str name) {
        if (qualname.value().equals(name.value())) {
            return name;
        }
        if (internsCodeNames()) {
            return intern(qualname.value());
        }
        if (cache.lookup(qualname) == qualname) {
            return (Str) finalizeConst(qualname);
        }
        return qualname;
    }

    /**
     * Whether a string constant ends up interned: name-like strings ({@code intern_string_constants});
     * 3.13's one-character latin-1 strings; and 3.11's {@code '*'}, which the interpreter's start-up
     * (the import-star machinery) interns (measured under {@code python3.11 -m py_compile}: the only
     * one-character string interned beyond name characters).
     */
    private boolean internsConstant(Str s) {
        return !s.lonePairs() && allNameChars(s.value())
                || internsCodeNames() && s.value().length() == 1 && s.value().charAt(0) <= 0xFF
                || target == PythonVersion.V3_11 && s.value().equals("*")
                // a one-character latin-1 string is a shared singleton: interned if an identifier of
                // the source (or start-up) interned that character
                || s.value().length() == 1 && s.value().charAt(0) >= 0x80 && s.value().charAt(0) <= 0xFF
                        && internedBefore(s.value());
    }

    static boolean allNameChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A constant as the code object holds it: strings already interned (identifiers code generation
     * put into constants, such as an import's from-list or call keyword names) and name-like strings
     * interned, recursively through tuples
     * (in place in CPython, so a shared tuple stays shared) and frozensets (rebuilt when an element
     * was interned, so such a frozenset is one object per containing tuple).
     */
    public PyObject finalizeConst(PyObject o) {
        PyObject done = finalized.get(o);
        if (done != null) {
            return done;
        }
        PyObject out = o;
        if (o instanceof Str s) {
            boolean internable = internsConstant(s);
            if (!s.interned() && internable && !interned.containsKey(s.value())) {
                internedInPlace.put(s, intern(s.value())); // the first one: interned in place
            }
            if (s.interned() || internable) {
                out = intern(s.value());
            }
        } else if (o instanceof Tuple t) {
            if (t.items().isEmpty()) {
                out = cache.mergeOne(t);
            } else {
                List<PyObject> items = new ArrayList<>(t.items().size());
                boolean changed = false;
                for (PyObject x : t.items()) {
                    PyObject y = finalizeConst(x);
                    changed |= y != x;
                    items.add(y);
                }
                out = changed ? new Tuple(items) : t;
            }
        } else if (o instanceof PySet s && s.frozen()) {
            List<PyObject> items = new ArrayList<>(s.items().size());
            boolean changed = false;
            boolean replaced = false;
            for (PyObject x : s.items()) {
                boolean existed = x instanceof Str xs && interned.containsKey(xs.value()) && !internedInPlace.containsKey(x);
                PyObject y = finalizeConst(x);
                if (y != x) {
                    changed = true;
                    // CPython interns an element in place (same object, set unchanged) unless an equal
                    // interned string already existed, which then replaces it (the set is rebuilt)
                    // (at start-up, or by the parser as an identifier of this source)
                    replaced |= existed && internedInPlace.get(x) != y
                            || x instanceof Str xs && !xs.interned() && internedBefore(xs.value());
                }
                items.add(y);
            }
            if (replaced) {
                // Not memoised: each containing tuple gets its own rebuilt frozenset.
                return new PySet(items, true);
            }
            if (changed) {
                out = new PySet(items, true);
            }
        } else if (o instanceof Bytes b && b.value().length == 0) {
            out = cache.mergeOne(b);
        }
        finalized.put(o, out);
        return out;
    }

    /**
     * A tuple of interned names, merged through the constant cache ({@code co_names}, localsplus
     * names); when an equal tuple is already known (possibly a constant), that object is used with its
     * items interned ({@code intern_strings} works in place).
     */
    public PyObject nameTuple(List<String> names) {
        List<PyObject> items = new ArrayList<>(names.size());
        for (String n : names) {
            items.add(intern(n));
        }
        Tuple mine = new Tuple(items);
        PyObject canonical = cache.mergeOne(mine);
        if (canonical == mine || items.isEmpty()) {
            finalized.putIfAbsent(canonical, canonical);
            return canonical;
        }
        PyObject done = finalized.get(canonical);
        if (done instanceof Tuple t && t.items().stream().allMatch(x -> x instanceof Str s && s.interned())) {
            return t;
        }
        finalized.put(canonical, mine);
        return mine;
    }

    /** The code object of the given parts, with 3.11's sharing (see the class comment). */
    public Code build(CodeSpec s) {
        if (internsCodeNames() && s.qualname() != null && cache.lookup(s.qualname()) == s.qualname()
                && !finalized.containsKey(s.qualname())) {
            // 3.13 interns co_qualname in place: the class body's __qualname__ constant is that object.
            finalized.put(s.qualname(), intern(s.qualname().value()));
        }
        PyObject names = nameTuple(s.names());
        List<PyObject> finalConsts = new ArrayList<>(s.consts().size());
        for (PyObject c : s.consts()) {
            finalConsts.add(finalizeConst(c));
        }
        PyObject constTuple = finalizeConst(cache.mergeOne(new Tuple(finalConsts)));
        PyObject lpNames = nameTuple(s.localsPlusNames());
        Str name = name(s.name());
        Str qual = qualname(s.qualname() == null ? new Str(s.name(), false) : s.qualname(), name);
        return new Code(s.argCount(), s.posOnlyArgCount(), s.kwOnlyArgCount(), 0, s.stackSize(), s.flags(),
                codeBytes(s.code()), constTuple, names, null, null, null, lpNames, kindsBytes(s.kinds()),
                filename, name, qual, s.firstLineno(), mergedBytes(s.lineTable()),
                mergedBytes(s.exceptionTable()));
    }

    /**
     * The parts of a 3.11 code object before sharing is applied: {@code argCount} includes the
     * positional-only ones (co_argcount); {@code consts} are the unit's constants as merged by the
     * constant cache (nested code objects already built); {@code qualname} is the object code
     * generation used (see {@link #qualname(Str, Str)}), null for the name itself.
     */
    public record CodeSpec(int argCount, int posOnlyArgCount, int kwOnlyArgCount, int stackSize, int flags,
            byte[] code, List<PyObject> consts, List<String> names, List<String> localsPlusNames, byte[] kinds,
            String name, Str qualname, int firstLineno, byte[] lineTable, byte[] exceptionTable) {}

    /** Bytes merged through the constant cache (line and exception tables). */
    public PyObject mergedBytes(byte[] b) {
        return cache.mergeOne(new Bytes(b, false));
    }

    /** {@code co_code}: a fresh object, always flagged. */
    public PyObject codeBytes(byte[] b) {
        Bytes o = new Bytes(b, false);
        alwaysFlagged.add(o);
        fresh.add(o);
        return o;
    }

    /** {@code co_localspluskinds}: fresh, except the empty one ({@code b''} singleton). */
    public PyObject kindsBytes(byte[] b) {
        if (b.length == 0) {
            return cache.mergeOne(new Bytes(b, false));
        }
        Bytes o = new Bytes(b, false);
        fresh.add(o);
        return o;
    }

    /** Records a module's top-level code object (py_compile holds two references to it). */
    public void topLevel(Code c) {
        alwaysFlagged.add(c);
    }

    public Str filename() {
        return filename;
    }

    /**
     * The FLAG_REF decision for the tree under {@code top} (3.11 marshal: reference count above one,
     * or an interned string): objects referenced twice or more in the tree, interned strings, the
     * interpreter's cached objects (small ints, empty tuple/bytes/str, one-character latin-1 strings,
     * one-byte bytes constants), elements of sets, and the objects recorded as always flagged.
     */
    public Predicate<PyObject> flagPolicy(PyObject top) {
        return refPolicy(top, alwaysFlagged, fresh);
    }

    private static final BigInteger SMALL_MIN = BigInteger.valueOf(-5);
    private static final BigInteger SMALL_MAX = BigInteger.valueOf(256);

    /** The policy over a tree, with the identity sets the builder (or a test) knows. */
    public static Predicate<PyObject> refPolicy(PyObject top, Set<PyObject> always, Set<PyObject> notCached) {
        Map<PyObject, Integer> counts = new IdentityHashMap<>();
        Set<PyObject> setElements = Collections.newSetFromMap(new IdentityHashMap<>());
        count(top, counts, setElements);
        return new Policy(counts, setElements, always, notCached);
    }

    /** The 3.11 policy; inside a set element's sort key, membership of a set does not flag. */
    private record Policy(Map<PyObject, Integer> counts, Set<PyObject> setElements, Set<PyObject> always,
            Set<PyObject> notCached) implements Predicate<PyObject>, MarshalWriter.SetKeyAware {
        @Override
        public boolean test(PyObject o) {
            return setElements.contains(o) && !(o instanceof Singleton) || flaggedInSetKey(o);
        }

        @Override
        public boolean flaggedInSetKey(PyObject o) {
            if (o instanceof Singleton) {
                return false;
            }
            if (always.contains(o) || counts.getOrDefault(o, 0) >= 2) {
                return true;
            }
            if (o instanceof Str s) {
                return s.interned() || s.value().isEmpty()
                        || (s.value().length() == 1 && s.value().charAt(0) <= 0xFF && !s.unshared());
            } else if (o instanceof Int i) {
                return i.value().compareTo(SMALL_MIN) >= 0 && i.value().compareTo(SMALL_MAX) <= 0;
            } else if (o instanceof Tuple t) {
                return t.items().isEmpty();
            } else if (o instanceof Bytes b) {
                return b.value().length == 0 || (b.value().length == 1 && !notCached.contains(o));
            }
            return false;
        }
    }

    private static void count(PyObject o, Map<PyObject, Integer> counts, Set<PyObject> setElements) {
        // Iterative walk: counts references; children are visited at an object's first reference.
        List<PyObject> stack = new ArrayList<>();
        stack.add(o);
        while (!stack.isEmpty()) {
            PyObject x = stack.remove(stack.size() - 1);
            if (x == null || x instanceof Singleton) {
                continue;
            }
            int n = counts.merge(x, 1, Integer::sum);
            if (n > 1) {
                continue;
            }
            // children pushed straight onto the stack: the counts do not depend on the visiting order
            if (x instanceof Tuple t) {
                stack.addAll(t.items());
            } else if (x instanceof PySet s) {
                stack.addAll(s.items());
                setElements.addAll(s.items());
            } else if (x instanceof PyObject.PyList l) {
                stack.addAll(l.items());
            } else if (x instanceof PyObject.Dict d) {
                stack.addAll(d.keys());
                stack.addAll(d.values());
            } else if (x instanceof Code c) {
                Collections.addAll(stack, c.code(), c.consts(), c.names(), c.varNames(), c.freeVars(),
                        c.cellVars(), c.localsPlusNames(), c.localsPlusKinds(), c.filename(), c.name(),
                        c.qualname(), c.lineTable(), c.exceptionTable());
            }
        }
    }
}
