package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 3.6-3.8's LL(1) parser and tokenizer errors ({@link Ll1Recognizer}): hand-written sources around
 * their positions and messages ({@code golden/syntax-ll1/X.Y.jsonl}, made by
 * {@code scripts/ll1/edge_cases.py} with each real CPython) must give CPython's error or be refused;
 * and the recognizer's tables ({@code ll1-X.Y.txt}) must be what {@code scripts/ll1/dump_pgen_tables.py}
 * reads from the installed interpreter.
 */
class Ll1ErrorsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/syntax-ll1");

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8"})
    void edgeCasesGiveCpythonsError(PythonVersion v) throws IOException {
        int same = 0;
        int refused = 0;
        int parsed = 0;
        List<String> different = new ArrayList<>();
        List<String> lines = Files.readAllLines(GOLDEN.resolve(v.dotted() + ".jsonl"), StandardCharsets.UTF_8);
        for (String line : lines) {
            Map<?, ?> c = (Map<?, ?>) Json.parse(line);
            byte[] src = ((String) c.get("src")).getBytes(StandardCharsets.ISO_8859_1);
            String want = c.get("type") + ": " + c.get("msg") + " " + n(c.get("lineno")) + ":" + n(c.get("offset"));
            try {
                Parser311.parseModule(src, "<case>", v, w -> { });
                parsed++;
                if (c.get("type").equals("MemoryError")) {
                    different.add(c.get("origin") + ": parsed; CPython " + want);
                }
            } catch (UnsupportedFeatureException e) {
                refused++;
            } catch (PythonError e) {
                String got = e.typeName() + ": " + e.pyMessage() + " " + n(e.lineno()) + ":" + n(e.offset());
                if (got.equals(want)) {
                    same++;
                } else {
                    different.add(c.get("origin") + ": we raised " + got + "; CPython " + want);
                }
            }
        }
        System.out.printf("LL(1) edge cases %s: %d cases: %d same error, %d refused, %d parsed, %d different%n", v,
                lines.size(), same, refused, parsed, different.size());
        Properties floor = new Properties();
        try (var in = Files.newInputStream(GOLDEN.resolve("floor.properties"))) {
            floor.load(in);
        }
        int minSame = Integer.parseInt(floor.getProperty(v.dotted() + ".same", "0"));
        int maxDifferent = Integer.parseInt(floor.getProperty(v.dotted() + ".different", "0"));
        assertTrue(same >= minSame, "LL(1) edge cases " + v + ": " + same + " same errors, floor " + minSame);
        assertTrue(different.size() <= maxDifferent, () -> "LL(1) edge cases " + v + ": " + different.size()
                + " different (allowed " + maxDifferent + "):\n" + String.join("\n", different));
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8"})
    void tablesAreTheInterpretersOwn(PythonVersion v) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Interpreters.find(v).isPresent(), "skipped: no CPython " + v + " interpreter here");
        ProcessBuilder pb = Interpreters.scriptProcess(v, Path.of("scripts/ll1/dump_pgen_tables.py"), List.of(), List.of());
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        String dumped = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, proc.waitFor(), dumped);
        String committed = Files.readString(Path.of("src/main/resources/io/github/pycompile/parser/ll1-" + v.dotted() + ".txt"));
        // the header names the interpreter's micro version, which may differ from the one that made the file
        assertEquals(withoutHeader(committed), withoutHeader(dumped), "ll1-" + v.dotted() + ".txt differs from the interpreter's tables");
    }

    private static String withoutHeader(String s) {
        return s.substring(s.indexOf('\n') + 1);
    }

    private static String n(Object o) {
        long x = o == null ? -1 : ((Number) o).longValue();
        return x < 0 ? "None" : Long.toString(x);
    }
}
