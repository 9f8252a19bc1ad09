package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Our 2.7 parser against CPython 2.7's {@code ast.parse}: over python2.7's standard library (a sample;
 * all of it with {@code -Dpycompile.corpus=full}) and a set of snippets, trees equal (positions
 * included) for the files it accepts, the same error type, message, line and offset for those it
 * rejects. Any refusal (none are left) or difference fails.
 */
class Parser27DifferentialTest {
    private static final PythonVersion V = PythonVersion.V2_7;

    /** The snippets of {@code golden/2.7/parser} (written by scripts/golden/parser27_snippets.py), live. */
    @Test
    void snippetsAsCpython() throws IOException {
        Interpreters.require(V);
        compare(Parser27GoldenTest.snippetFiles(), "2.7 snippets");
    }

    @Test
    void stdlibTreesEqualCpythons() throws IOException {
        Interpreters.require(V);
        List<Path> files = new ArrayList<>(Interpreters.stdlibSources(V));
        if (Interpreters.fullCorpus()) {
            files.addAll(Interpreters.sitePackagesSources(V));
        }
        files = Interpreters.sampled(files, 400);
        compare(files, Interpreters.fullCorpus() ? "2.7 stdlib + site-packages" : "2.7 stdlib");
    }

    /** Python 3 sources (3.6's standard library): mostly errors for 2.7, at every kind of place. */
    @Test
    void python3SourcesAsCpython() throws IOException {
        Interpreters.require(V);
        List<Path> files = new ArrayList<>(Interpreters.stdlibSources(PythonVersion.V3_6));
        compare(Interpreters.sampled(files, 300), "3.6 stdlib as 2.7");
    }

    private static void compare(List<Path> files, String what) throws IOException {
        compare(new TreeMap<>(CpythonAst.parseAll(V, files)), what);
    }

    /** Our parser on each file against CPython's result; prints the figures, fails on any difference. */
    static void compare(Map<Path, CpythonAst.Parsed> expected, String what) throws IOException {
        int equal = 0;
        int refused = 0;
        int sameError = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> different = new ArrayList<>();
        for (Map.Entry<Path, CpythonAst.Parsed> e : expected.entrySet()) {
            CpythonAst.Parsed want = e.getValue();
            try {
                Ast.ModuleNode got = Parser27.parseModule(Files.readAllBytes(e.getKey()), e.getKey().toString(), V, w -> { });
                if (want.ok() && Parser311DifferentialTest.dump(want.tree()).equals(Parser311DifferentialTest.dump(got))) {
                    equal++;
                } else {
                    different.add(e.getKey() + (want.ok() ? ": different tree" + firstDifference(
                            Parser311DifferentialTest.dump(want.tree()), Parser311DifferentialTest.dump(got))
                            : ": parsed, CPython raised " + want.errorType() + ": " + want.errorMessage()));
                }
            } catch (UnsupportedFeatureException ex) {
                refused++;
                refusals.merge(ex.getMessage(), 1, Integer::sum);
            } catch (PythonError ex) {
                if (!want.ok() && want.errorType().equals(ex.typeName()) && want.errorMessage().equals(ex.pyMessage())
                        && Objects.equals(want.lineno(), ex.lineno() < 0 ? null : ex.lineno())
                        && Objects.equals(want.offset(), ex.offset() < 0 ? null : ex.offset())) {
                    sameError++;
                } else {
                    different.add(e.getKey() + ": we raised " + ex.typeName() + ": " + ex.pyMessage() + " (" + ex.lineno()
                            + ", " + ex.offset() + "); CPython: " + (want.ok() ? "ok" : want.errorType() + ": "
                            + want.errorMessage() + " (" + want.lineno() + ", " + want.offset() + ")"));
                }
            } catch (RuntimeException ex) {
                different.add(e.getKey() + ": internal error " + ex);
            }
        }
        System.out.printf("parser %s: %d files: %d equal trees, %d same error, %d refused %s, %d different%n", what,
                expected.size(), equal, sameError, refused, refusals, different.size());
        assertTrue(different.isEmpty(), () -> different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(20, different.size()))));
        int r = refused;
        // full runs: 1,778 stdlib + site-packages files, 1,577 3.6 files, 221 snippets, none refused
        assertTrue(r == 0, () -> r + " files refused " + refusals);
    }

    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        return "\n  cpython: ..." + a.substring(from, Math.min(a.length(), i + 150)) + "\n  ours:    ..."
                + b.substring(from, Math.min(b.length(), i + 150));
    }
}
