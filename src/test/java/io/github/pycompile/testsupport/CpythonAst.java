package io.github.pycompile.testsupport;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bridge from a real CPython's {@code ast.parse} to our {@link Ast} records, for differential
 * tests of every phase after the parser (and of the parser itself): {@code scripts/ast/ast_json.py}
 * runs under the interpreter and prints each tree as JSON; this class rebuilds it as records by
 * reflection. Records compare by value, so {@code assertEquals(cpython, ours)} compares whole trees,
 * positions included (except {@code Bytes} constants, whose {@code byte[]} compares by identity).
 *
 * <p>3.6/3.7 literal nodes arrive as {@code Constant} and 3.8's {@code Index}/{@code ExtSlice} as the
 * expression they wrap (a position-less {@code Tuple} for {@code ExtSlice}), so every 3.x tree has the
 * 3.9+ shape. Positions a version lacks are -1. Python 2.7's trees use the {@code Py2*} records where
 * 2.x's node shape differs (Raise, FunctionDef, Lambda, Call, ExceptHandler, arguments), 3.x's
 * {@code With} with one item, {@code Constant} for {@code Num}/{@code Str} (a 2.x {@code str} is
 * {@code Bytes}, a {@code long} an {@code Int} marked py2Long) and the 3.9 slice shapes.
 */
public final class CpythonAst {
    private static final Path SCRIPT = Path.of("scripts", "ast", "ast_json.py").toAbsolutePath();
    private static final Map<String, Class<?>> NODE_CLASSES = new HashMap<>();
    private static final Map<String, Enum<?>> ENUM_CONSTANTS = new HashMap<>();

    static {
        Map<String, String> renamed = Map.ofEntries(
                Map.entry("ExprStmt", "Expr"), Map.entry("ListExpr", "List"), Map.entry("TupleExpr", "Tuple"),
                Map.entry("SetExpr", "Set"), Map.entry("DictExpr", "Dict"), Map.entry("ModuleNode", "Module"),
                Map.entry("Comprehension", "comprehension"), Map.entry("Arguments", "arguments"),
                Map.entry("Arg", "arg"), Map.entry("Keyword", "keyword"), Map.entry("Alias", "alias"),
                Map.entry("WithItem", "withitem"), Map.entry("MatchCase", "match_case"));
        for (Class<?> c : Ast.class.getDeclaredClasses()) {
            if (c.isRecord()) {
                NODE_CLASSES.put(renamed.getOrDefault(c.getSimpleName(), c.getSimpleName()), c);
            } else if (c.isEnum()) {
                for (Object e : c.getEnumConstants()) {
                    ENUM_CONSTANTS.put(((Enum<?>) e).name(), (Enum<?>) e);
                }
            }
        }
    }

    private CpythonAst() {}

    /** What CPython made of one file: its tree, or the exception {@code ast.parse} raised. */
    public record Parsed(Ast.ModuleNode tree, String errorType, String errorMessage, Integer lineno, Integer offset) {
        public boolean ok() {
            return tree != null;
        }
    }

    /**
     * CPython {@code v}'s tree for {@code source} (skips the test when {@code v} is not installed; 3.14
     * runs under pyodide).
     */
    public static Ast.ModuleNode parse(PythonVersion v, String source) {
        Parsed p = parseSource(v, source.getBytes(StandardCharsets.UTF_8));
        if (!p.ok()) {
            throw new IllegalArgumentException("CPython " + v + " rejects the source: " + p.errorType() + ": "
                    + p.errorMessage() + " (line " + p.lineno() + ", offset " + p.offset() + ")");
        }
        return p.tree();
    }

    /** CPython {@code v}'s result for these source bytes (tree or error). */
    public static Parsed parseSource(PythonVersion v, byte[] source) {
        try {
            Path tmp = Files.createTempFile("cpython-ast", ".py");
            try {
                Files.write(tmp, source);
                return parseAll(v, List.of(tmp)).get(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trees of the files CPython {@code v} accepts; files it rejects are absent. */
    public static Map<Path, Ast.ModuleNode> parseFiles(PythonVersion v, List<Path> files) {
        Map<Path, Ast.ModuleNode> trees = new LinkedHashMap<>();
        parseAll(v, files).forEach((f, p) -> {
            if (p.ok()) {
                trees.put(f, p.tree());
            }
        });
        return trees;
    }

    /** Every file's result, in the order given; one interpreter process for all of them. */
    public static Map<Path, Parsed> parseAll(PythonVersion v, List<Path> files) {
        Map<Path, Parsed> results = new LinkedHashMap<>();
        Map<String, Path> byName = new HashMap<>();
        for (Path f : files) {
            byName.put(f.toString(), f);
        }
        try {
            ProcessBuilder pb = Interpreters.scriptProcess(v, SCRIPT, List.of(), List.of());
            Process proc = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread feeder = new Thread(() -> {
                try (Writer w = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (Path f : files) {
                        w.write(f.toString());
                        w.write('\n');
                    }
                } catch (IOException ignored) {
                    // the reader below reports a short result
                }
            });
            feeder.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Map<?, ?> rec = (Map<?, ?>) Json.parse(line);
                    Path f = byName.get((String) rec.get("file"));
                    results.put(f, toParsed(rec));
                }
            }
            proc.waitFor();
            feeder.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (results.size() != files.size()) {
            throw new IllegalStateException("CPython " + v + " answered for " + results.size() + " of "
                    + files.size() + " files");
        }
        return results;
    }

    /** One line of {@code ast_json.py}'s output (a golden file), as a tree or error; no Python needed. */
    public static Parsed fromJsonLine(String line) {
        return fromJson(line);
    }

    /** One record as {@code scripts/ast/ast_json.py} prints it (e.g. a committed golden line), as a result. */
    public static Parsed fromJson(String line) {
        return toParsed((Map<?, ?>) Json.parse(line));
    }

    /** One line of {@code ast_json.py}'s output (a committed golden file): the file it names and its result. */
    public static Map.Entry<String, Parsed> fromJsonLineWithFile(String line) {
        Map<?, ?> rec = (Map<?, ?>) Json.parse(line);
        return Map.entry((String) rec.get("file"), toParsed(rec));
    }

    private static Parsed toParsed(Map<?, ?> rec) {
        Object err = rec.get("error");
        if (err != null) {
            Map<?, ?> e = (Map<?, ?>) err;
            return new Parsed(null, (String) e.get("type"), (String) e.get("msg"), toInteger(e.get("lineno")),
                    toInteger(e.get("offset")));
        }
        // Deep trees (long operator chains) need a deep stack; build them on a thread that has one.
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(toValue(rec.get("tree"), Ast.ModuleNode.class));
            } catch (RuntimeException ex) {
                failure.set(ex);
            }
        }, "cpython-ast", 1L << 28);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Parsed((Ast.ModuleNode) result.get(), null, null, null, null);
    }

    private static Integer toInteger(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    /** Converts a JSON value to the Java type of a record component. */
    private static Object toValue(Object json, Type type) {
        if (json == null) {
            return null;
        }
        if (type instanceof ParameterizedType pt) { // List<X>
            Type elem = pt.getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (Object o : (List<?>) json) {
                list.add(toValue(o, elem));
            }
            return list;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return json;
        }
        if (c == int.class || c == Integer.class) {
            return json instanceof Boolean b ? (b ? 1 : 0) : ((Number) json).intValue();
        }
        if (c == boolean.class) {
            return json;
        }
        if (c == PyObject.class) {
            // Interpolation.str is a plain str in CPython's tree
            return json instanceof String str ? new PyObject.Str(str, false) : constant((Map<?, ?>) json);
        }
        Map<?, ?> m = (Map<?, ?>) json;
        String kind = (String) m.get("_");
        if (c.isEnum()) {
            return ENUM_CONSTANTS.get(kind);
        }
        Class<?> node = NODE_CLASSES.get(kind);
        if (node == null) {
            throw new IllegalArgumentException("no Ast record for CPython node " + kind);
        }
        RecordComponent[] comps = node.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            String field = snake(comps[i].getName());
            Object v = m.get(field);
            if (v == null && !m.containsKey(field)) {
                args[i] = defaultFor(comps[i]);
            } else {
                args[i] = toValue(v, comps[i].getGenericType());
                if (args[i] == null && types[i] == int.class) {
                    args[i] = -1;
                }
            }
        }
        try {
            Constructor<?> ctor = node.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + kind, e);
        }
    }

    /** A field this CPython does not have: -1 for positions, empty lists, null otherwise. */
    private static Object defaultFor(RecordComponent rc) {
        Class<?> t = rc.getType();
        if (t == int.class) {
            return -1;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == List.class) {
            return new ArrayList<>();
        }
        return null;
    }

    private static String snake(String camel) {
        String n = camel.endsWith("_") ? camel.substring(0, camel.length() - 1) : camel;
        StringBuilder sb = new StringBuilder();
        for (char ch : n.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static PyObject constant(Map<?, ?> m) {
        String kind = (String) m.get("$");
        HexFormat hex = HexFormat.of();
        switch (kind) {
            case "None":
                return PyObject.Singleton.NONE;
            case "True":
                return PyObject.Singleton.TRUE;
            case "False":
                return PyObject.Singleton.FALSE;
            case "Ellipsis":
                return PyObject.Singleton.ELLIPSIS;
            case "int":
                return new PyObject.Int(new BigInteger((String) m.get("v")), false);
            case "long": // Python 2's long
                return new PyObject.Int(new BigInteger((String) m.get("v")), true);
            case "float":
                return new PyObject.Float(Long.parseUnsignedLong((String) m.get("v"), 16));
            case "complex":
                return new PyObject.Complex(Long.parseUnsignedLong((String) m.get("r"), 16),
                        Long.parseUnsignedLong((String) m.get("i"), 16));
            case "bytes":
                // a 2.x one-character str marked "shared" is the interpreter's shared object
                // (compilers for 2.x read Bytes.interned of a tree constant that way)
                return new PyObject.Bytes(hex.parseHex((String) m.get("v")), Boolean.TRUE.equals(m.get("shared")));
            case "str": {
                Object v = m.get("v");
                if (v instanceof String s) {
                    return new PyObject.Str(s, false);
                }
                StringBuilder sb = new StringBuilder();
                boolean lonePairs = false;
                int prev = -1;
                for (Object cp : (List<?>) v) {
                    int c = ((Number) cp).intValue();
                    if (Character.isLowSurrogate((char) c) && c < 0x10000 && prev >= 0xD800 && prev < 0xDC00) {
                        lonePairs = true;
                    }
                    sb.appendCodePoint(c);
                    prev = c;
                }
                return new PyObject.Str(sb.toString(), false, lonePairs);
            }
            case "tuple":
            case "frozenset": {
                List<PyObject> items = new ArrayList<>();
                for (Object o : (List<?>) m.get("v")) {
                    items.add(constant((Map<?, ?>) o));
                }
                return kind.equals("tuple") ? new PyObject.Tuple(items) : new PyObject.PySet(items, true);
            }
            default:
                throw new IllegalArgumentException("constant kind " + kind);
        }
    }
}
