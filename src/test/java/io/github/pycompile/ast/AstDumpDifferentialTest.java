package io.github.pycompile.ast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.parser.Parser27;
import io.github.pycompile.parser.Parser311;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.CpythonDump;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link AstDump} against each CPython's {@code ast.dump(ast.parse(source), include_attributes=True)}
 * over a sample of that version's standard library (all of it with {@code -Dpycompile.corpus=full};
 * {@code -Dpycompile.astdump.sample=N} for another sample size). Two comparisons per version:
 * <ul>
 *   <li>CPython's own tree (through {@link CpythonAst}) dumped by us: tests the dump alone, for every
 *       version; every dump must equal CPython's.
 *   <li>our parser's tree dumped by us (2.7: Parser27; 3.6-3.14: Parser311 with that version's gates,
 *       {@code Ll1Trees} giving 3.6-3.8's positions): every dump must equal CPython's, refusals aside.
 * </ul>
 * Skipped, with a message, for the versions not installed here (3.14 runs under pyodide).
 */
class AstDumpDifferentialTest {
    private static final int SAMPLE = Integer.getInteger("pycompile.astdump.sample", 60);

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11",
            "V3_12", "V3_13", "V3_14"})
    void stdlibDumpsEqualCpythons(PythonVersion v) throws IOException {
        List<Path> files = Interpreters.sampled(stdlib(v), SAMPLE);
        Map<Path, CpythonDump.Result> want = new TreeMap<>(CpythonDump.dumpAll(v, files));
        Map<Path, CpythonAst.Parsed> trees = CpythonAst.parseAll(v, files);
        int bridged = 0;
        int bridgedTotal = 0;
        List<String> bridgedDiff = new ArrayList<>();
        int parsedEqual = 0;
        int parsedRefused = 0;
        int parsedError = 0;
        List<String> parsedDiff = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Path, CpythonDump.Result> e : want.entrySet()) {
            if (!e.getValue().parsed()) {
                continue; // ast.parse failed: nothing to dump
            }
            total++;
            String expected = expected(e.getValue());
            CpythonAst.Parsed t = trees.get(e.getKey());
            // (the bridge cannot carry an int repr() refuses: such a tree is not compared)
            if (t.ok()) {
                bridgedTotal++;
                String ours = dumpOrError(t.tree(), v);
                if (ours.equals(expected)) {
                    bridged++;
                } else {
                    bridgedDiff.add(e.getKey() + firstDifference(expected, ours));
                }
            }
            try {
                String parsed = dumpOrError(parse(v, e.getKey()), v);
                if (parsed.equals(expected)) {
                    parsedEqual++;
                } else {
                    parsedDiff.add(e.getKey() + firstDifference(expected, parsed));
                }
            } catch (UnsupportedFeatureException ex) {
                parsedRefused++;
            } catch (PythonError ex) {
                parsedError++;
                parsedDiff.add(e.getKey() + ": we raised " + ex.getMessage());
            }
        }
        String parser = v.isPython2() ? "Parser27" : "Parser311";
        System.out.printf("ast.dump %s: %d files: CPython's trees %d/%d equal; %s's trees %d/%d equal, %d refused, %d errors%n",
                v, total, bridged, bridgedTotal, parser, parsedEqual, total, parsedRefused, parsedError);
        parsedDiff.stream().limit(3).forEach(d -> System.out.println("  " + d));
        assertTrue(bridgedDiff.isEmpty(), () -> bridgedDiff.size() + " different dumps of CPython's trees:\n"
                + String.join("\n", bridgedDiff.subList(0, Math.min(5, bridgedDiff.size()))));
        assertTrue(parsedDiff.isEmpty(), () -> parsedDiff.size() + " different dumps of our trees:\n"
                + String.join("\n", parsedDiff.subList(0, Math.min(5, parsedDiff.size()))));
    }

    private static List<Path> stdlib(PythonVersion v) throws IOException {
        if (v == PythonVersion.V3_14 && Interpreters.find(v).isEmpty()) {
            // pyodide has no standard library on disk here: 3.13's sources stand in
            org.junit.jupiter.api.Assumptions.assumeTrue(Interpreters.stdlib(PythonVersion.V3_13).isPresent(),
                    "skipped: 3.14's sample is CPython 3.13's standard library, and there is no CPython 3.13 here");
            return Interpreters.stdlibSources(PythonVersion.V3_13);
        }
        Interpreters.require(v);
        return Interpreters.stdlibSources(v);
    }

    private static Ast.ModuleNode parse(PythonVersion v, Path file)
            throws IOException, PythonError, UnsupportedFeatureException {
        byte[] src = Files.readAllBytes(file);
        if (v.isPython2()) {
            return Parser27.parseModule(src, file.toString(), v, w -> { });
        }
        return Parser311.parseModule(src, file.toString(), v, w -> { });
    }

    /** CPython's dump, or {@code error: Type: message} when its ast.dump failed on the tree ast.parse built. */
    static String expected(CpythonDump.Result r) {
        return r.ok() ? r.dump() : "error: " + r.dumpError();
    }

    /** Our dump, or {@code error: Type: message} as {@link AstDump#dump} reports CPython's own failures. */
    static String dumpOrError(Ast.Node tree, PythonVersion v) {
        try {
            return AstDump.dump(tree, v);
        } catch (IllegalArgumentException ex) {
            return "error: " + ex.getMessage();
        }
    }

    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 120);
        return "\n  cpython: ..." + a.substring(from, Math.min(a.length(), i + 120)) + "\n  ours:    ..."
                + b.substring(from, Math.min(b.length(), i + 120));
    }
}
