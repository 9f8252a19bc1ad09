package io.github.pycompile.ast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.parser.Parser27;
import io.github.pycompile.parser.Parser311;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.CpythonDump;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link AstDump} on the committed snippets ({@code golden/astdump/snippets}, {@code snippets27} for
 * 2.7: literal reprs, subscripts, every statement kind, newer syntax) against what each real CPython
 * printed ({@code golden/astdump/<X.Y>/dumps.jsonl}, with its trees in {@code trees.jsonl}; written by
 * {@code scripts/golden/astdump_golden.sh}): runs with no Python installed. CPython's own tree of each
 * snippet it accepts must dump exactly as it did; so must our parser's tree where we have a parser for
 * the version (2.7, 3.11-3.14), unless the parser refuses the snippet.
 */
class AstDumpGoldenTest {

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11",
            "V3_12", "V3_13", "V3_14"})
    void snippetsDumpAsCpython(PythonVersion v) throws IOException {
        String dir = "/golden/astdump/" + v.dotted() + "/";
        String dumps = read(dir + "dumps.jsonl");
        String trees = read(dir + "trees.jsonl");
        Assumptions.assumeTrue(dumps != null && trees != null, () -> "skipped: no golden dumps for " + v);
        Map<String, CpythonAst.Parsed> treeOf = new HashMap<>();
        for (String line : trees.split("\n")) {
            if (!line.isBlank()) {
                Map.Entry<String, CpythonAst.Parsed> e = CpythonAst.fromJsonLineWithFile(line);
                treeOf.put(e.getKey(), e.getValue());
            }
        }
        boolean ourParser = v.isPython2() || Parser311.supports(v);
        int accepted = 0;
        int bridged = 0;
        int parsed = 0;
        int refused = 0;
        List<String> different = new ArrayList<>();
        for (String line : dumps.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map.Entry<String, CpythonDump.Result> e = CpythonDump.fromJsonLine(line);
            String name = e.getKey();
            if (!e.getValue().parsed()) {
                continue;
            }
            accepted++;
            String want = AstDumpDifferentialTest.expected(e.getValue());
            if (treeOf.get(name).ok()) { // (the bridge cannot carry an int repr() refuses)
                String got = AstDumpDifferentialTest.dumpOrError(treeOf.get(name).tree(), v);
                if (got.equals(want)) {
                    bridged++;
                } else {
                    different.add(name + " (CPython's tree)" + AstDumpDifferentialTest.firstDifference(want, got));
                }
            }
            if (!ourParser) {
                continue;
            }
            byte[] source = readBytes((v.isPython2() ? "/golden/astdump/snippets27/" : "/golden/astdump/snippets/") + name);
            try {
                Ast.ModuleNode tree = v.isPython2()
                        ? Parser27.parseModule(source, name, v, w -> { })
                        : Parser311.parseModule(source, name, v, w -> { });
                String ours = AstDumpDifferentialTest.dumpOrError(tree, v);
                if (ours.equals(want)) {
                    parsed++;
                } else {
                    different.add(name + " (our tree)" + AstDumpDifferentialTest.firstDifference(want, ours));
                }
            } catch (UnsupportedFeatureException ex) {
                refused++;
            } catch (PythonError ex) {
                different.add(name + ": our parser raised " + ex.getMessage());
            }
        }
        System.out.printf("ast.dump golden %s: %d snippets CPython accepts: CPython's trees %d equal; our parser's %s%n",
                v, accepted, bridged, ourParser ? parsed + " equal, " + refused + " refused" : "(none for " + v + ")");
        assertTrue(accepted > 0, "no snippet accepted by " + v);
        assertTrue(different.isEmpty(), () -> String.join("\n", different));
    }

    private String read(String resource) throws IOException {
        byte[] b = readBytes(resource);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private byte[] readBytes(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
