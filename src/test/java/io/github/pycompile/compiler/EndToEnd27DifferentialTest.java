package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.CpythonCompile;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2.7 back end against the real CPython 2.7, file by file: python2.7's own {@code ast.parse}
 * builds each tree ({@link CpythonAst}; the 2.7 parser is not ours yet), {@link Cpython27Compiler}
 * compiles it at -O0, -O1 and -O2, and the marshalled module must equal what python2.7's
 * {@code py_compile} writes after the header, or our error must equal its error (type, message,
 * line; 2.7's compiler errors have no offset). Over a sample of 2.7's standard library (all of it
 * with {@code -Dpycompile.corpus=full}). A file the core refuses is counted, not failed; a file
 * python2.7 cannot parse is counted apart (nothing of ours runs on it).
 *
 * <p>Fails on any DIFFERENT file, or when fewer files are identical than the floor committed in
 * {@code golden/e2e/floor-2.7.properties}. {@code -Dpycompile.dump=DIR} writes both caches of each
 * different file there (for {@code shared/tools/pyccmp.py} and {@code pycwalk.py});
 * {@code -Dpycompile.corpus27.extra=DIR} compares the .py files under DIR instead (those python2.7
 * can parse), and {@code -Dpycompile.showRefused=true} lists the refused files.
 */
class EndToEnd27DifferentialTest {
    private static final PythonVersion V = PythonVersion.V2_7;

    @Test
    void stdlibMatchesCpython27() throws IOException {
        Interpreters.require(V);
        List<Path> files = Interpreters.sampled(Interpreters.stdlibSources(V), 200);
        String extra = System.getProperty("pycompile.corpus27.extra", "");
        if (!extra.isEmpty()) {
            // more Python 2 code: every .py file under that directory that python2.7 can parse
            try (var walk = Files.walk(Path.of(extra))) {
                files = Interpreters.sampled(walk.filter(f -> f.toString().endsWith(".py")).sorted().toList(), 2000);
            }
        }
        Properties floor = new Properties();
        try (var in = getClass().getResourceAsStream("/golden/e2e/floor-2.7.properties")) {
            if (in != null) {
                floor.load(in);
            }
        }
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int[] identical = compareAll(files, report, failures, false);
        for (int level = 0; level <= 2; level++) {
            String key = "O" + level + (Interpreters.fullCorpus() ? ".full" : ".sample");
            int min = Integer.parseInt(floor.getProperty(key, "0"));
            if (identical[level] < min && System.getProperty("pycompile.contains", "").isEmpty() && extra.isEmpty()) {
                failures.add("2.7 -O" + level + ": " + identical[level] + " identical, fewer than the floor " + min);
            }
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), () -> report + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * The whole 2.7 pipeline, our parser included (Parser27, then this back end), against
     * python2.7's py_compile: bodies equal, or the same error for the files 2.7 rejects.
     */
    @Test
    void stdlibFromSourceMatchesCpython27() throws IOException {
        Interpreters.require(V);
        List<Path> files = Interpreters.sampled(Interpreters.stdlibSources(V), 200);
        Properties floor = new Properties();
        try (var in = getClass().getResourceAsStream("/golden/e2e/floor-2.7.properties")) {
            if (in != null) {
                floor.load(in);
            }
        }
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int[] identical = compareAll(files, report, failures, true);
        for (int level = 0; level <= 2; level++) {
            String key = "source.O" + level + (Interpreters.fullCorpus() ? ".full" : ".sample");
            int min = Integer.parseInt(floor.getProperty(key, "0"));
            if (identical[level] < min && System.getProperty("pycompile.contains", "").isEmpty()) {
                failures.add("2.7 from source -O" + level + ": " + identical[level] + " identical, fewer than the floor " + min);
            }
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), () -> report + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * Generated sources at the assembler's and the peephole optimiser's limits: line gaps over 255
     * (no optimisation), more than 255 bytes of code on one line, over 65,535 names and jumps
     * (EXTENDED_ARG), code over 32,700 bytes, folding results at the size limit of 20.
     */
    @Test
    void generatedEdgeCasesMatchCpython27(@TempDir Path dir) throws IOException {
        Interpreters.require(V);
        List<Path> files = new ArrayList<>();
        StringBuilder gap = new StringBuilder("def f(a):\n    x = (1, 2)\n");
        gap.append("\n".repeat(300)).append("    return not a in (1, 2, 3)\nf(1)\n");
        files.add(write(dir, "line_gap.py", gap.toString()));
        StringBuilder wide = new StringBuilder("def g():\n    return [");
        for (int i = 0; i < 150; i++) {
            wide.append("n").append(i).append(", ");
        }
        wide.append("(1, 2)]\n    if 1: return (3, 4)\n");
        files.add(write(dir, "wide_line.py", wide.toString()));
        StringBuilder many = new StringBuilder("import sys\nif sys.argv:\n");
        for (int i = 0; i < 70000; i++) {
            many.append("    v").append(i).append(" = ").append(i).append('\n');
        }
        many.append("else:\n    w = (1, 2)\nfor k in (1, 2):\n    y = not k in [1, 2]\n");
        files.add(write(dir, "extended_arg.py", many.toString()));
        StringBuilder big = new StringBuilder("def h(a):\n");
        for (int i = 0; i < 3000; i++) {
            big.append("    a = a + ").append(i % 7).append(" * 2\n");
        }
        big.append("    return (1, 2) if a else None\n");
        files.add(write(dir, "long_code.py", big.toString()));
        files.add(write(dir, "folding.py", "a = (1, 2) * 10\nb = (1, 2) * 11\nc = 'ab' * 10\nd = 'ab' * 11\n"
                + "e = 2 ** 62, 2 ** 63, 2 ** 64, -2 ** 63, 1 << 63, ~0L, 7 // -2, -7 % 3, 7.0 % -2.5, 1 / 2.0\n"
                + "f = 0.0, -0.0, 0j, -0j, (-0.0) + 0j, 1e308 * 10, 2.0 ** -3, 2 ** -2, 3j ** 2, (1 + 1j) ** -2\n"
                + "g = `1, 'a'`, `None`, 'abc'[1], (1, 2, 3)[-1], u'a' + 'b', 'a' + u'b', '' + 'x', 'x' * 1\n"
                + "h = x in [1, 2], x not in [3], not x is None, not (x in (1,)), x == 1 or x == 2 and x\n"
                + "if not x: pass\nwhile 0: pass\nwhile 1:\n    break\nelse:\n    pass\n"));
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int[] identical = compareAll(files, report, failures, false);
        System.out.print(report);
        assertTrue(failures.isEmpty(), () -> report + String.join("\n", failures));
        for (int level = 0; level <= 2; level++) {
            assertTrue(identical[level] == files.size(), report::toString);
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Compares every file at -O0/1/2; returns the identical counts, appends figures and failures. */
    private int[] compareAll(List<Path> files, StringBuilder report, List<String> failures, boolean fromSource)
            throws IOException {
        Map<Path, CpythonAst.Parsed> trees = fromSource ? Map.of() : CpythonAst.parseAll(V, files);
        Cpython27Compiler core = new Cpython27Compiler();
        String dump = System.getProperty("pycompile.dump", "");
        int[] counts = new int[3];
        for (int level = 0; level <= 2; level++) {
            Map<Path, CpythonCompile.Result> expected = CpythonCompile.compile(V, level, files, Path::toString);
            int identical = 0;
            int sameError = 0;
            int refused = 0;
            int notParsed = 0;
            List<String> different = new ArrayList<>();
            Map<String, Integer> refusals = new TreeMap<>();
            for (Map.Entry<Path, CpythonCompile.Result> e : new TreeMap<>(expected).entrySet()) {
                Path file = e.getKey();
                CpythonCompile.Result want = e.getValue();
                CpythonAst.Parsed parsed = fromSource ? null : trees.get(file);
                if (!fromSource && !parsed.ok()) {
                    notParsed++;
                    continue;
                }
                try {
                    CompileOptions options = new CompileOptions(V, level, null);
                    CompiledModule got = fromSource ? core.compile(Files.readAllBytes(file), file.toString(), options)
                            : core.compileTree(parsed.tree(), file.toString(), options);
                    if (want.ok() && Arrays.equals(want.body(), got.marshalledCode())) {
                        List<String> ws = new ArrayList<>();
                        for (CpythonCompile.Warning w : want.warnings()) {
                            ws.add(w.category() + ":" + w.lineno() + ": " + w.message());
                        }
                        List<String> ours = new ArrayList<>();
                        for (CompilerWarning w : got.warnings()) {
                            ours.add(w.category() + ":" + w.lineno() + ": " + w.message());
                        }
                        if (!ws.equals(ours)) {
                            different.add(file + " -O" + level + ": warnings " + ours + ", CPython " + ws);
                        } else {
                            identical++;
                        }
                    } else if (want.ok()) {
                        different.add(file + " -O" + level + ": different bytes");
                        if (!dump.isEmpty()) {
                            Path dir = Path.of(dump);
                            Files.createDirectories(dir);
                            String base = file.getFileName() + ".O" + level;
                            byte[] header = {3, (byte) 0xf3, 13, 10, 0, 0, 0, 0};
                            Files.write(dir.resolve(base + ".ours.pyc"), concat(header, got.marshalledCode()));
                            Files.write(dir.resolve(base + ".cpython.pyc"), concat(header, want.body()));
                        }
                    } else {
                        different.add(file + " -O" + level + ": compiled, but CPython raised " + want.errorType() + ": "
                                + want.errorMessage());
                    }
                } catch (UnsupportedFeatureException ex) {
                    refused++;
                    refusals.merge(ex.construct(), 1, Integer::sum);
                    if (Boolean.getBoolean("pycompile.showRefused")) {
                        report.append("  refused ").append(file).append(": ").append(ex.getMessage()).append('\n');
                    }
                } catch (PythonError ex) {
                    boolean sameOffset = want.offset() == null ? ex.offset() < 0 : want.offset() == ex.offset();
                    if (!want.ok() && want.errorType().equals(ex.typeName()) && want.errorMessage().equals(ex.pyMessage())
                            && (want.lineno() == null ? ex.lineno() < 0 : want.lineno() == ex.lineno()) && sameOffset) {
                        sameError++;
                    } else {
                        different.add(file + " -O" + level + ": we raised " + ex.typeName() + ": " + ex.pyMessage() + " ("
                                + ex.lineno() + ":" + ex.offset() + "), CPython " + (want.ok() ? "compiled it"
                                        : want.errorType() + ": " + want.errorMessage() + " (" + want.lineno() + ":"
                                                + want.offset() + ")"));
                    }
                } catch (RuntimeException ex) {
                    different.add(file + " -O" + level + ": internal error " + ex);
                }
            }
            report.append(String.format(
                    (fromSource ? "e2e 2.7 from source" : "e2e 2.7") + " -O%d: %d files: %d identical, %d same error, %d refused, %d different, %d not parsed by python2.7%n",
                    level, files.size(), identical, sameError, refused, different.size(), notParsed));
            if (!refusals.isEmpty()) {
                report.append("  refused: ").append(refusals).append('\n');
            }
            failures.addAll(different);
            counts[level] = identical;
        }
        return counts;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
