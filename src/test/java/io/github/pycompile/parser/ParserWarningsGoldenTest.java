package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.compiler.CompilerWarning;
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
 * The warnings each CPython emits while parsing ({@code golden/parser-warnings/X.Y.jsonl}, made by
 * {@code scripts/golden/parser_warnings.sh} with each real CPython 3.6-3.13 and 3.14 through pyodide):
 * invalid and octal escapes, number literals run into keywords, in f-strings and their fields, before and
 * after syntax errors. Per case, our parser must give the same warnings (category, message, line, in the
 * same order, repeats included) and raise an error exactly where CPython does (same type, message and
 * line; the error's offsets are the syntax suites' business), or refuse; a refusal counts against
 * {@code floor.properties}.
 */
class ParserWarningsGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/parser-warnings");

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12",
            "V3_13", "V3_14"})
    void warningsAsCpythonGivesThem(PythonVersion v) throws IOException {
        Path file = GOLDEN.resolve(v.dotted() + ".jsonl");
        Assumptions.assumeTrue(Files.exists(file), "no parser-warnings golden for " + v);
        List<String> different = new ArrayList<>();
        int same = 0;
        int refused = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) Json.parse(line);
            String src = (String) c.get("src");
            StringBuilder want = new StringBuilder();
            for (Object w : (List<?>) c.get("warnings")) {
                List<?> l = (List<?>) w;
                want.append(l.get(0)).append(": ").append(l.get(1)).append(" @").append(((Number) l.get(2)).intValue())
                        .append('\n');
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> err = (Map<String, Object>) c.get("error");
            if (err != null) {
                want.append("raised ").append(err.get("type")).append(": ").append(err.get("msg")).append(" @")
                        .append(((Number) err.get("lineno")).intValue()).append('\n');
            }
            List<CompilerWarning> got = new ArrayList<>();
            StringBuilder ours = new StringBuilder();
            try {
                Parser311.parseModule(src.getBytes(StandardCharsets.UTF_8), "<unknown>", v, got::add);
            } catch (UnsupportedFeatureException e) {
                refused++;
                if (Boolean.getBoolean("pycompile.verbose")) {
                    System.out.println("  refused " + src.replace("\n", "\\n") + ": " + e.getMessage());
                }
                continue;
            } catch (PythonError e) {
                ours.append("raised ").append(e.typeName()).append(": ").append(e.pyMessage()).append(" @")
                        .append(e.lineno()).append('\n');
            }
            StringBuilder all = new StringBuilder();
            for (CompilerWarning w : got) {
                all.append(w.category()).append(": ").append(w.message()).append(" @").append(w.lineno()).append('\n');
            }
            all.append(ours);
            if (all.toString().equals(want.toString())) {
                same++;
            } else {
                different.add(src.replace("\n", "\\n") + "\n  CPython:\n    " + want.toString().trim().replace("\n", "\n    ")
                        + "\n  ours:\n    " + all.toString().trim().replace("\n", "\n    "));
            }
        }
        System.out.printf("parser warnings %s: %d cases: %d same, %d refused, %d different%n", v, lines.size(), same,
                refused, different.size());
        Properties floor = new Properties();
        try (var in = Files.newInputStream(GOLDEN.resolve("floor.properties"))) {
            floor.load(in);
        }
        int maxRefused = Integer.parseInt(floor.getProperty(v.dotted() + ".refused", "0"));
        assertTrue(different.isEmpty(), () -> "parser warnings " + v + ": " + different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(10, different.size()))));
        assertTrue(refused <= maxRefused, "parser warnings " + v + ": " + refused + " refused, at most " + maxRefused);
    }
}
