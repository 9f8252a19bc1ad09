package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonCompile;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole compiler core against the real CPython, file by file: for every standard-library file
 * (a sample by default; all of them, plus 3.11's site-packages, with {@code -Dpycompile.corpus=full})
 * and every optimization level, our marshalled module must equal what that CPython's
 * {@code py_compile} writes after the header, or our error must equal its error (type, message,
 * line, offset). A file the core refuses as not yet supported is counted, not failed.
 *
 * <p>The test fails when a file comes out DIFFERENT (wrong bytes, or a different error, or an error
 * where CPython compiles): a wrong cache is worse than none. It also fails when fewer files are
 * identical than the committed floor in {@code golden/e2e/floor.properties} — so coverage only grows.
 * It prints a table of figures per target and level.
 */
class EndToEndDifferentialTest {

    record Tally(int identical, int sameError, int refused, List<String> different) {}

    @ParameterizedTest
    @EnumSource(PythonVersion.class)
    void stdlibMatchesCpython(PythonVersion v) throws IOException {
        Assumptions.assumeTrue(Compilers.hasBackEnd(v), () -> "skipped: no back end for " + v + " yet");
        Interpreters.require(v);
        List<Path> files = new ArrayList<>(Interpreters.stdlibSources(v));
        if (Interpreters.fullCorpus()) {
            files.addAll(Interpreters.sitePackagesSources(v));
        }
        files = Interpreters.sampled(files, 200);
        Properties floor = new Properties();
        try (var in = getClass().getResourceAsStream("/golden/e2e/floor.properties")) {
            if (in != null) {
                floor.load(in);
            }
        }
        ModuleCompiler core = Compilers.forTarget(v);
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (int level = 0; level <= 2; level++) {
            Map<Path, CpythonCompile.Result> expected = CpythonCompile.compile(v, level, files, Path::toString);
            Tally t = run(core, v, level, expected);
            report.append(String.format("e2e %s -O%d: %d files: %d identical, %d same error, %d refused, %d different%n",
                    v, level, files.size(), t.identical(), t.sameError(), t.refused(), t.different().size()));
            failures.addAll(t.different());
            int min = Integer.parseInt(floor.getProperty(v.dotted() + ".O" + level + (Interpreters.fullCorpus() ? ".full" : ".sample"), "0"));
            if (t.identical() < min && System.getProperty("pycompile.contains", "").isEmpty()) {
                failures.add(v + " -O" + level + ": " + t.identical() + " identical, fewer than the floor " + min);
            }
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), () -> report + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    private static Tally run(ModuleCompiler core, PythonVersion v, int level, Map<Path, CpythonCompile.Result> expected)
            throws IOException {
        int identical = 0;
        int sameError = 0;
        int refused = 0;
        List<String> different = new ArrayList<>();
        for (Map.Entry<Path, CpythonCompile.Result> e : new TreeMap<>(expected).entrySet()) {
            Path file = e.getKey();
            CpythonCompile.Result want = e.getValue();
            byte[] source = Files.readAllBytes(file);
            try {
                CompiledModule got = core.compile(source, file.toString(), new CompileOptions(v, level, null));
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
                        continue;
                    }
                    identical++;
                } else if (want.ok()) {
                    different.add(file + " -O" + level + ": different bytes");
                } else {
                    different.add(file + " -O" + level + ": compiled, but CPython raised " + want.errorType() + ": "
                            + want.errorMessage());
                }
            } catch (UnsupportedFeatureException ex) {
                refused++;
            } catch (PythonError ex) {
                if (!want.ok() && want.errorType().equals(ex.typeName()) && want.errorMessage().equals(ex.pyMessage())
                        && Objects.equals(orNone(want.lineno()), ex.lineno()) && Objects.equals(orNone(want.offset()), ex.offset())) {
                    sameError++;
                } else {
                    different.add(file + " -O" + level + ": we raised " + ex.typeName() + ": " + ex.pyMessage() + " ("
                            + ex.lineno() + ":" + ex.offset() + "), CPython " + (want.ok() ? "compiled it"
                                    : want.errorType() + ": " + want.errorMessage() + " (" + want.lineno() + ":" + want.offset() + ")"));
                }
            } catch (RuntimeException ex) {
                different.add(file + " -O" + level + ": internal error " + ex);
            }
        }
        return new Tally(identical, sameError, refused, different);
    }

    /** CPython's None position is our -1. */
    private static int orNone(Integer i) {
        return i == null ? -1 : i;
    }
}
