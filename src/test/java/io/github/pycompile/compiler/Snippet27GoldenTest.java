package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.CpythonCompile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The 2.7 back end on snippets, without Python: the trees and the expected cache bodies, errors and
 * warnings were produced by the real CPython 2.7 ({@code scripts/golden/e2e27_snippets.sh}) and
 * committed under {@code golden/e2e27}; each snippet at -O0, -O1 and -O2 must come out identical.
 */
class Snippet27GoldenTest {

    private static List<String> lines(String resource) throws IOException {
        InputStream in = Snippet27GoldenTest.class.getResourceAsStream("/golden/e2e27/" + resource);
        assertNotNull(in, resource);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static String fileOf(String line) {
        Map<?, ?> rec = (Map<?, ?>) io.github.pycompile.testsupport.Json.parse(line);
        return (String) rec.get("file");
    }

    @Test
    void snippetsMatchCpython27() throws Exception {
        Map<String, CpythonAst.Parsed> trees = new TreeMap<>();
        for (String line : lines("trees.jsonl")) {
            trees.put(fileOf(line), CpythonAst.fromJsonLine(line));
        }
        assertTrue(trees.size() >= 8, "golden trees missing");
        Cpython27Compiler core = new Cpython27Compiler();
        int checked = 0;
        for (int level = 0; level <= 2; level++) {
            for (String line : lines("bodies-O" + level + ".jsonl")) {
                String name = fileOf(line);
                CpythonCompile.Result want = CpythonCompile.fromJsonLine(line);
                CpythonAst.Parsed parsed = trees.get(name);
                assertTrue(parsed.ok(), name);
                String where = name + " -O" + level;
                List<String> wantWarnings = new ArrayList<>();
                for (CpythonCompile.Warning w : want.warnings()) {
                    wantWarnings.add(w.category() + ":" + w.lineno() + ": " + w.message());
                }
                List<String> ourWarnings = new ArrayList<>();
                try {
                    CompiledModule got = core.compileTree(parsed.tree(), name,
                            new CompileOptions(PythonVersion.V2_7, level, null));
                    assertTrue(want.ok(), where + ": compiled, but CPython raised " + want.errorMessage());
                    assertArrayEquals(want.body(), got.marshalledCode(), where);
                    for (CompilerWarning w : got.warnings()) {
                        ourWarnings.add(w.category() + ":" + w.lineno() + ": " + w.message());
                    }
                    assertEquals(wantWarnings, ourWarnings, where);
                } catch (PythonError e) {
                    assertTrue(!want.ok(), where + ": we raised " + e.getMessage());
                    assertEquals(want.errorType(), e.typeName(), where);
                    assertEquals(want.errorMessage(), e.pyMessage(), where);
                    assertEquals(want.lineno() == null ? -1 : want.lineno(), e.lineno(), where);
                    assertTrue(want.offset() == null && e.offset() < 0, where + ": offset");
                }
                checked++;
            }
        }
        assertEquals(3 * trees.size(), checked);
    }
}
