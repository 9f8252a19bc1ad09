package io.github.pycompile.compiler;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.assemble.Interned26;
import io.github.pycompile.target.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code src/main/resources/io/github/pycompile/assemble/interned26.txt} from the 2.6 oracle:
 * for each file whose folded constant tuples hold name-like strings of unknown standing, it reads
 * the answers off 2.6's own tuples (a string written interned there was not interned before) and
 * keeps them when our code then equals 2.6's; failing that (up to 10 strings) it tries every
 * answer ("2.6 had interned it before" or not) and keeps each one that all fitting tries share.
 *
 * <pre>mvn -o -q test-compile && java -cp target/classes:target/test-classes \
 *     io.github.pycompile.compiler.Interned26Table ../shared/oracle/cpython-2.6 \
 *     src/main/resources/io/github/pycompile/assemble/interned26.txt</pre>
 */
public final class Interned26Table {
    private Interned26Table() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> files = new ArrayList<>();
        for (String f : Files.readAllLines(root.resolve("files.txt"), StandardCharsets.UTF_8)) {
            if (!f.isBlank() && !Files.readString(root.resolve("out/opt0/errors.jsonl")).contains("\"" + f + "\"")) {
                files.add(f);
            }
        }
        Cpython27Compiler compiler = new Cpython27Compiler(PythonVersion.V2_6);
        Map<String, Boolean> table = new TreeMap<>();
        Map<String, String> conflicts = new TreeMap<>();
        for (int pass = 0; pass < 4; pass++) {
            int before = table.size();
            for (String file : files) {
                byte[] src = Files.readAllBytes(root.resolve("src").resolve(file));
                for (int level = 0; level <= 2; level++) {
                    Path pyc = root.resolve("out/opt" + level).resolve(file + "c");
                    if (!Files.exists(pyc)) {
                        continue;
                    }
                    byte[] all = Files.readAllBytes(pyc);
                    byte[] theirs = Arrays.copyOfRange(all, 8, all.length);
                    CompileOptions options = new CompileOptions(PythonVersion.V2_6, level, null);
                    Set<String> asked = new LinkedHashSet<>();
                    Interned26.overrideForTableGenerator(s -> {
                        Boolean k = table.get(s);
                        if (k == null) {
                            asked.add(s);
                            return false;
                        }
                        return k;
                    });
                    if (compile(compiler, src, file, options) == null || asked.isEmpty()) {
                        continue;
                    }
                    // first the answers the reference's own tuples show: a string written interned in one
                    // of them was not interned before this file
                    Set<String> internedInTuples = new java.util.HashSet<>();
                    tupleStrings(new io.github.pycompile.marshal.MarshalReader(theirs, 0, PythonVersion.V2_6).read(),
                            false, internedInTuples);
                    Map<String, Boolean> shown = new HashMap<>();
                    for (String q0 : asked) {
                        shown.put(q0, !internedInTuples.contains(q0));
                    }
                    Interned26.overrideForTableGenerator(x -> table.containsKey(x) ? table.get(x)
                            : shown.getOrDefault(x, false));
                    byte[] ours0 = compile(compiler, src, file, options);
                    if (ours0 != null && Arrays.equals(ours0, theirs)) {
                        for (Map.Entry<String, Boolean> en : shown.entrySet()) {
                            Boolean old = table.putIfAbsent(en.getKey(), en.getValue());
                            if (old != null && !old.equals(en.getValue())) {
                                conflicts.put(file + " -O" + level + " " + en.getKey(), "disagrees");
                            }
                        }
                        continue;
                    }
                    if (asked.size() > 10) {
                        continue;
                    }
                    List<String> q = new ArrayList<>(asked);
                    List<Integer> fits = new ArrayList<>();
                    for (int bits = 0; bits < 1 << q.size(); bits++) {
                        Map<String, Boolean> a = new HashMap<>();
                        for (int i = 0; i < q.size(); i++) {
                            a.put(q.get(i), (bits >> i & 1) != 0);
                        }
                        Interned26.overrideForTableGenerator(s -> table.containsKey(s) ? table.get(s)
                                : a.getOrDefault(s, false));
                        byte[] ours = compile(compiler, src, file, options);
                        if (ours != null && Arrays.equals(ours, theirs)) {
                            fits.add(bits);
                        }
                    }
                    if (fits.isEmpty()) {
                        conflicts.put(file + " -O" + level, String.join(" ", q));
                        continue;
                    }
                    for (int i = 0; i < q.size(); i++) {
                        int i0 = i;
                        long ones = fits.stream().filter(b -> (b >> i0 & 1) != 0).count();
                        if (ones == 0 || ones == fits.size()) {
                            table.put(q.get(i), ones != 0);
                        }
                    }
                }
            }
            System.out.printf("pass %d: %d strings known%n", pass, table.size());
            if (table.size() == before) {
                break;
            }
        }
        Interned26.overrideForTableGenerator(null);
        conflicts.forEach((k, v) -> System.out.println("no answer fits: " + k + ": " + v));
        List<String> lines = new ArrayList<>();
        lines.add("# Name-like strings CPython 2.6's interpreter had (+) or had not (-) interned before py_compile");
        lines.add("# compiled a file, as the 2.6 reference outputs show. Generated by Interned26Table; do not edit.");
        table.forEach((s, k) -> lines.add((k ? "+" : "-") + Interned26.escape(s)));
        Files.write(out, lines, StandardCharsets.ISO_8859_1);
    }

    /** The name-like strings written interned inside constant tuples, anywhere in a code object tree. */
    private static void tupleStrings(io.github.pycompile.marshal.PyObject o, boolean inTuple, Set<String> out) {
        if (o instanceof io.github.pycompile.marshal.PyObject.Bytes b) {
            if (inTuple && b.interned()) {
                out.add(new String(b.value(), StandardCharsets.ISO_8859_1));
            }
        } else if (o instanceof io.github.pycompile.marshal.PyObject.Tuple t) {
            for (io.github.pycompile.marshal.PyObject x : t.items()) {
                tupleStrings(x, true, out);
            }
        } else if (o instanceof io.github.pycompile.marshal.PyObject.Code c) {
            for (io.github.pycompile.marshal.PyObject x : ((io.github.pycompile.marshal.PyObject.Tuple) c.consts())
                    .items()) {
                tupleStrings(x, false, out);
            }
        }
    }

    private static byte[] compile(Cpython27Compiler compiler, byte[] src, String file, CompileOptions options) {
        try {
            return compiler.compile(src, file, options).marshalledCode();
        } catch (UnsupportedFeatureException | PythonError | RuntimeException e) {
            return null;
        }
    }
}
