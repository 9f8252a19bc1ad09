package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Pyodide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parser for the targets other than 3.11 (3.6 to 3.10, 3.12 to 3.14) against each CPython's own
 * {@code ast.parse}, over that
 * version's own standard library (a sample of about 400 files; all of them with
 * {@code -Dpycompile.corpus=full}): trees equal, positions included; a file CPython rejects must get
 * the same error or be refused. 3.11 has its own {@link Parser311DifferentialTest} (with site-packages).
 */
class ParserDifferentialTest {

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_12", "V3_13", "V3_14"})
    void stdlibTreesEqualCpythons(PythonVersion v) throws IOException {
        String only = System.getProperty("parser.versions", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(v.dotted()),
                () -> "skipped: -Dparser.versions=" + only);
        List<Path> stdlib;
        String corpus = System.getProperty("parser.corpus", "");
        if (!corpus.isEmpty()) {
            // another version's sources parsed by this one: -Dparser.corpus=3.11 (its stdlib and site-packages)
            PythonVersion other = PythonVersion.parse(corpus).orElseThrow();
            Interpreters.require(other);
            stdlib = new ArrayList<>(Interpreters.stdlibSources(other));
            stdlib.addAll(Interpreters.sitePackagesSources(other));
            if (v == PythonVersion.V3_14 && Interpreters.find(v).isEmpty()) {
                Pyodide.require();
            } else {
                Interpreters.require(v);
            }
        } else if (v == PythonVersion.V3_14 && Interpreters.find(v).isEmpty()) {
            stdlib = pyodideStdlib(); // CPython 3.14.2 in pyodide: its python_stdlib.zip
        } else {
            Interpreters.require(v);
            stdlib = Interpreters.stdlibSources(v);
        }
        List<Path> files = Interpreters.sampled(new ArrayList<>(stdlib), 400);
        Map<Path, CpythonAst.Parsed> expected = new TreeMap<>(CpythonAst.parseAll(v, files));
        int equal = 0;
        int refused = 0;
        int sameError = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> different = new ArrayList<>();
        for (Map.Entry<Path, CpythonAst.Parsed> e : expected.entrySet()) {
            CpythonAst.Parsed want = e.getValue();
            try {
                Ast.ModuleNode got = Parser311.parseModule(Files.readAllBytes(e.getKey()), e.getKey().toString(), v, w -> { });
                String wantDump = want.ok() ? Parser311DifferentialTest.dump(want.tree()) : null;
                String gotDump = Parser311DifferentialTest.dump(got);
                if (want.ok() && wantDump.equals(gotDump)) {
                    equal++;
                } else {
                    different.add(e.getKey() + (want.ok() ? ": different tree" + firstDifference(wantDump, gotDump)
                            : ": parsed, CPython raised " + want.errorType() + ": " + want.errorMessage()));
                }
            } catch (UnsupportedFeatureException ex) {
                refused++;
                refusals.merge(ex.construct(), 1, Integer::sum);
                if (System.getProperty("parser.showRefused") != null) {
                    System.out.println("refused " + e.getKey() + ": " + ex.getMessage());
                }
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
        System.out.printf("parser %s: %d files: %d equal trees, %d same error, %d refused %s, %d different%n", v,
                expected.size(), equal, sameError, refused, refusals, different.size());
        assertTrue(different.isEmpty(), () -> different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(10, different.size()))));
        if (corpus.isEmpty()) {
            int most = MOST_REFUSED.get(v);
            int r = refused;
            assertTrue(r <= most, () -> r + " files refused, at most " + most + " expected " + refusals);
        }
    }

    /**
     * The most files of its own standard library each version may refuse: the figures of the full run
     * (-Dpycompile.corpus=full) on CPython 2.7.18, 3.6.15 to 3.13 of pyenv and pyodide's 3.14.2; a
     * sample refuses no more. Lower these as refusals go.
     */
    private static final Map<PythonVersion, Integer> MOST_REFUSED = Map.of(PythonVersion.V3_6, 0, PythonVersion.V3_7, 0,
            PythonVersion.V3_8, 0, PythonVersion.V3_9, 0, PythonVersion.V3_10, 0, PythonVersion.V3_12, 0,
            PythonVersion.V3_13, 0, PythonVersion.V3_14, 0);

    /** The .py files of pyodide's {@code python_stdlib.zip}, extracted once under {@code target/}. */
    private static List<Path> pyodideStdlib() throws IOException {
        Path zip = Pyodide.require().resolve("node_modules/pyodide/python_stdlib.zip");
        Path dir = Path.of("target", "pyodide-stdlib-3.14").toAbsolutePath();
        Path done = dir.resolve(".extracted");
        if (!Files.exists(done)) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.isDirectory() || !e.getName().endsWith(".py")) {
                        continue;
                    }
                    Path out = dir.resolve(e.getName()).normalize();
                    if (!out.startsWith(dir)) {
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    Files.write(out, in.readAllBytes());
                }
            }
            Files.writeString(done, zip.toString());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
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
