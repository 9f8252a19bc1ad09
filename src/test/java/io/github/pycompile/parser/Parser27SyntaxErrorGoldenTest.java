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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared syntax-error corpus ({@code golden/syntax-errors}, recorded from CPython 2.7's compile())
 * through the 2.7 parser, every layer: a case 2.7 compiles, or rejects in a phase after the parser
 * (symbol table, compiler, {@code __future__} checks), we parse; any other error is ours too, with the
 * same type, message, line and offset. Runs without Python.
 */
class Parser27SyntaxErrorGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/syntax-errors");
    /** Messages of 2.7's phases after the parser. */
    private static final List<String> LATER_PHASES = List.of("outside function", "outside loop",
            "not properly in loop", "must be last", "duplicate argument", "from __future__ imports must occur",
            "future feature", "not a chance", "is parameter and global", "unqualified exec", "inside generator",
            "can not delete variable", "too many statically nested blocks", "import * ", "is local and global",
            "nested scope");

    @Test
    @SuppressWarnings("unchecked")
    void everyCaseAs27() throws IOException {
        Map<String, Map<String, Object>> expected = new HashMap<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("2.7/results.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Map<String, Object> m = (Map<String, Object>) Json.parse(line);
                expected.put((String) m.get("name"), m);
            }
        }
        int parsed = 0;
        int same = 0;
        int later = 0;
        int refused = 0;
        List<String> different = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(Files.readString(GOLDEN.resolve("cases.json")))) {
            Map<String, Object> c = (Map<String, Object>) o;
            String name = (String) c.get("name");
            Map<String, Object> want = expected.get(name);
            if (want == null) {
                continue;
            }
            byte[] src = ((String) c.get("src")).getBytes(StandardCharsets.ISO_8859_1);
            boolean ok = Boolean.TRUE.equals(want.get("ok"));
            String msg = (String) want.get("msg");
            boolean laterPhase = !ok && msg != null && LATER_PHASES.stream().anyMatch(msg::contains);
            try {
                Parser27.parseModule(src, "x.py", PythonVersion.V2_7, w -> { });
                if (ok) {
                    parsed++;
                } else if (laterPhase) {
                    later++;
                } else {
                    different.add(name + ": parsed; 2.7: " + want.get("type") + ": " + msg);
                }
            } catch (UnsupportedFeatureException e) {
                refused++;
                System.out.println("  refused " + name + ": " + e.getMessage() + "; 2.7: " + (ok ? "ok" : msg));
            } catch (PythonError e) {
                if (!ok && !laterPhase && e.typeName().equals(want.get("type")) && e.pyMessage().equals(msg)
                        && e.lineno() == num(want, "lineno") && e.offset() == num(want, "offset")) {
                    same++;
                } else {
                    different.add(name + ": we " + e.typeName() + ": " + e.pyMessage() + " @" + e.lineno() + ":"
                            + e.offset() + "; 2.7: " + (ok ? "ok" : want.get("type") + ": " + msg + " @"
                            + num(want, "lineno") + ":" + num(want, "offset")));
                }
            }
        }
        System.out.printf("syntax-errors 2.7 through the parser: %d parsed, %d same error, %d rejected later by 2.7"
                + " (parsed), %d refused, %d different%n", parsed, same, later, refused, different.size());
        different.forEach(d -> System.out.println("  " + d));
        assertTrue(different.isEmpty(), different.size() + " different");
    }

    private static long num(Map<String, Object> m, String k) {
        Object o = m.get(k);
        return o == null ? -1 : ((Number) o).longValue();
    }
}
