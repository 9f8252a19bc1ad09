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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Our 3.11 parser against CPython 3.11's {@code ast.parse}, file by file over the standard library
 * (a sample; all of it and site-packages with {@code -Dpycompile.corpus=full}): trees equal, positions
 * included; a file CPython rejects, the same error type, message, line and offset. Refusals are
 * counted (none are left: the run fails on any); any different tree or error fails.
 */
class Parser311DifferentialTest {
    private static final PythonVersion V = PythonVersion.V3_11;

    @Test
    void stdlibTreesEqualCpythons() throws IOException {
        Interpreters.require(V);
        List<Path> files = new ArrayList<>(Interpreters.stdlibSources(V));
        if (Interpreters.fullCorpus()) {
            files.addAll(Interpreters.sitePackagesSources(V));
        }
        files = Interpreters.sampled(files, 400);
        Map<Path, CpythonAst.Parsed> expected = new TreeMap<>(CpythonAst.parseAll(V, files));
        int equal = 0;
        int refused = 0;
        int sameError = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> different = new ArrayList<>();
        for (Map.Entry<Path, CpythonAst.Parsed> e : expected.entrySet()) {
            CpythonAst.Parsed want = e.getValue();
            try {
                Ast.ModuleNode got = Parser311.parseModule(Files.readAllBytes(e.getKey()), e.getKey().toString(), V, w -> { });
                if (want.ok() && dump(want.tree()).equals(dump(got))) {
                    equal++;
                } else {
                    different.add(e.getKey() + (want.ok() ? ": different tree" + firstDifference(dump(want.tree()), dump(got))
                            : ": parsed, CPython raised " + want.errorType() + ": " + want.errorMessage()));
                }
            } catch (UnsupportedFeatureException ex) {
                refused++;
                refusals.merge(ex.construct(), 1, Integer::sum);
            } catch (PythonError ex) {
                if (!want.ok() && want.errorType().equals(ex.typeName()) && want.errorMessage().equals(ex.pyMessage())
                        && (want.lineno() == null || want.lineno() == ex.lineno())
                        && (want.offset() == null || want.offset() == ex.offset())) {
                    sameError++;
                } else {
                    different.add(e.getKey() + ": we raised " + ex.getMessage() + " (" + ex.lineno() + ":" + ex.offset()
                            + "); CPython: " + (want.ok() ? "ok" : want.errorType() + ": " + want.errorMessage() + " ("
                            + want.lineno() + ":" + want.offset() + ")"));
                }
            } catch (RuntimeException ex) {
                different.add(e.getKey() + ": internal error " + ex);
            }
        }
        System.out.printf("parser 3.11: %d files: %d equal trees, %d same error, %d refused %s, %d different%n",
                expected.size(), equal, sameError, refused, refusals, different.size());
        assertTrue(different.isEmpty(), () -> different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(10, different.size()))));
        int r = refused;
        assertTrue(r == 0, () -> r + " files refused " + refusals); // full run: 13,353 files, none refused
    }

    /** Records print their components; byte[] of bytes constants are printed by content. */
    static String dump(Object tree) {
        StringBuilder sb = new StringBuilder();
        dump(tree, sb);
        return sb.toString();
    }

    private static void dump(Object o, StringBuilder sb) {
        if (o instanceof io.github.pycompile.marshal.PyObject.Bytes b) {
            sb.append("b").append(java.util.HexFormat.of().formatHex(b.value()));
        } else if (o instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('(');
            for (var rc : r.getClass().getRecordComponents()) {
                try {
                    sb.append(rc.getName()).append('=');
                    dump(rc.getAccessor().invoke(r), sb);
                    sb.append(", ");
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            sb.append(')');
        } else if (o instanceof List<?> l) {
            sb.append('[');
            for (Object x : l) {
                dump(x, sb);
                sb.append(", ");
            }
            sb.append(']');
        } else {
            sb.append(o);
        }
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        return "\n  cpython: ..." + a.substring(from, Math.min(a.length(), i + 150)) + "\n  ours:    ..."
                + b.substring(from, Math.min(b.length(), i + 150));
    }
}
