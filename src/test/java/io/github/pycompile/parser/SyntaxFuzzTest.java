package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
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
 * The parser's errors on mutated standard-library sources ({@code golden/syntax-fuzz/X.Y.jsonl}, made by
 * {@code scripts/golden/syntax_fuzz.py} with each real CPython): where the parser raises, the error
 * must be CPython's (type, message, line, offset, end position). A source the parser accepts is counted
 * apart (CPython's error then comes from a later phase). Floors in {@code golden/syntax-fuzz/floor.properties}:
 * cases reproduced may only grow, different ones only shrink.
 */
class SyntaxFuzzTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/syntax-fuzz");

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void errorsAreCpythons(PythonVersion v) throws IOException {
        Path file = GOLDEN.resolve(v.dotted() + ".jsonl");
        Assumptions.assumeTrue(Files.exists(file), "no syntax-fuzz golden for " + v);
        int same = 0;
        int refused = 0;
        int parsed = 0;
        List<String> different = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            Map<?, ?> c = (Map<?, ?>) Json.parse(line);
            byte[] src = ((String) c.get("src")).getBytes(StandardCharsets.ISO_8859_1);
            // Before 3.10 a SyntaxError has no end position (None in the golden): only the start is compared.
            boolean ends = v.atLeast(PythonVersion.V3_10);
            String want = c.get("type") + ": " + c.get("msg") + " " + n(c.get("lineno")) + ":" + n(c.get("offset"))
                    + (ends ? "-" + n(c.get("end_lineno")) + ":" + n(c.get("end_offset")) : "");
            try {
                Parser311.parseModule(src, "<case>", v, w -> { });
                parsed++;
            } catch (UnsupportedFeatureException e) {
                refused++;
            } catch (PythonError e) {
                String got = e.typeName() + ": " + e.pyMessage() + " " + n(e.lineno()) + ":" + n(e.offset())
                        + (ends ? "-" + n(e.endLineno()) + ":" + n(e.endOffset()) : "");
                if (got.equals(want)) {
                    same++;
                } else {
                    different.add(c.get("origin") + ": we raised " + got + "; CPython " + want);
                }
            }
        }
        System.out.printf("syntax fuzz %s: %d cases: %d same error, %d refused, %d parsed, %d different%n", v,
                lines.size(), same, refused, parsed, different.size());
        Properties floor = new Properties();
        try (var in = Files.newInputStream(GOLDEN.resolve("floor.properties"))) {
            floor.load(in);
        }
        int minSame = Integer.parseInt(floor.getProperty(v.dotted() + ".same", "0"));
        int maxDifferent = Integer.parseInt(floor.getProperty(v.dotted() + ".different", "0"));
        assertTrue(same >= minSame, "syntax fuzz " + v + ": " + same + " same errors, floor " + minSame);
        assertTrue(different.size() <= maxDifferent, () -> "syntax fuzz " + v + ": " + different.size()
                + " different (allowed " + maxDifferent + "):\n" + String.join("\n", different));
    }

    /** A position as CPython's SyntaxError holds it: None (null, or negative here) printed alike. */
    private static String n(Object o) {
        long x = o == null ? -1 : ((Number) o).longValue();
        return x < 0 ? "None" : Long.toString(x);
    }
}
