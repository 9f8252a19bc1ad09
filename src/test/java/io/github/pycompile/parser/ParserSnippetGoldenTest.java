package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parser on the committed snippets ({@code golden/parser/snippets}: PEP 701 f-strings, PEP 695
 * type parameters, PEP 696 defaults, f-strings every 3.x parses) against what each real CPython's
 * {@code ast.parse} made of them ({@code golden/parser/<X.Y>/trees.jsonl}, written by
 * {@code scripts/golden/parser_snippets.sh}): runs with no Python installed. A snippet CPython
 * accepts must give its exact tree; one it rejects (newer syntax on an older target) must give the
 * same error or be refused, never a tree.
 */
class ParserSnippetGoldenTest {

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_11", "V3_12", "V3_13", "V3_14"})
    void snippetsParseAsCpython(PythonVersion v) throws IOException {
        InputStream golden = getClass().getResourceAsStream("/golden/parser/" + v.dotted() + "/trees.jsonl");
        Assumptions.assumeTrue(golden != null, () -> "skipped: no golden trees for " + v);
        int equal = 0;
        int rejected = 0;
        List<String> different = new ArrayList<>();
        for (String line : new String(golden.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String name = (String) ((Map<?, ?>) Json.parse(line)).get("file");
            CpythonAst.Parsed want = CpythonAst.fromJson(line);
            byte[] source;
            try (InputStream in = getClass().getResourceAsStream("/golden/parser/snippets/" + name)) {
                source = in.readAllBytes();
            }
            try {
                Ast.ModuleNode got = Parser311.parseModule(source, name, v, w -> { });
                if (!want.ok()) {
                    different.add(name + ": parsed, CPython raised " + want.errorMessage());
                } else {
                    String a = Parser311DifferentialTest.dump(want.tree());
                    String b = Parser311DifferentialTest.dump(got);
                    if (a.equals(b)) {
                        equal++;
                    } else {
                        int i = 0;
                        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                            i++;
                        }
                        int from = Math.max(0, i - 200);
                        different.add(name + ": different tree\n  cpython: ..." + a.substring(from, Math.min(a.length(), i + 150))
                                + "\n  ours:    ..." + b.substring(from, Math.min(b.length(), i + 150)));
                    }
                }
            } catch (UnsupportedFeatureException e) {
                if (want.ok()) {
                    different.add(name + ": refused " + e.getMessage());
                } else {
                    rejected++;
                }
            } catch (PythonError e) {
                if (want.ok() || !e.pyMessage().equals(want.errorMessage()) || e.lineno() != want.lineno()
                        || e.offset() != want.offset()) {
                    different.add(name + ": raised " + e.getMessage() + " at " + e.lineno() + ":" + e.offset()
                            + "; CPython: " + (want.ok() ? "ok" : want.errorMessage() + " at " + want.lineno() + ":"
                            + want.offset()));
                } else {
                    rejected++;
                }
            }
        }
        System.out.printf("parser snippets %s: %d equal trees, %d rejected as CPython does, %d different%n", v, equal,
                rejected, different.size());
        assertTrue(different.isEmpty(), () -> String.join("\n", different));
        assertTrue(equal > 0, "no snippet parsed");
    }

    /** An older target refuses or rejects a newer version's syntax rather than building a tree. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_11", "V3_12", "V3_13"})
    void olderTargetsDoNotAcceptNewerSyntax(PythonVersion v) {
        List<String> newer = new ArrayList<>(List.of("t'{x}'\n", "try: pass\nexcept A, B: pass\n"));
        if (v == PythonVersion.V3_11) {
            newer.addAll(List.of("type X = int\n", "def f[T](): pass\n", "class C[T]: pass\n", "f'{'a'}'\n"));
        }
        if (v != PythonVersion.V3_13) {
            newer.add("def f[T = int](): pass\n");
        }
        for (String src : newer) {
            boolean rejected;
            try {
                Parser311.parseModule(src.getBytes(StandardCharsets.UTF_8), "<s>", v, w -> { });
                rejected = false;
            } catch (UnsupportedFeatureException | PythonError e) {
                rejected = true;
            }
            assertEquals(true, rejected, src);
        }
    }
}
