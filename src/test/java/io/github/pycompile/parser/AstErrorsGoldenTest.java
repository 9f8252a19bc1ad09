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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 3.6 to 3.8's {@code ast.c} errors ({@code golden/ast-errors/X.Y.jsonl}, made by
 * {@code scripts/golden/ast_errors.py} with each real CPython): sources their LL(1) parser accepts and
 * {@code ast.parse} rejects (assignment targets, call arguments, parameters, f-strings and string
 * decoding, names that cannot be bound, which error comes first), with valid neighbours and LL(1)
 * parser errors. An ast.c case must give CPython's error (type, message, line, offset) or be refused;
 * a parser case the same error or a refusal; a valid source (or one rejected after ast.parse) must not
 * get an error. The ast.c cases reproduced may only grow ({@code floor.properties}).
 */
class AstErrorsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/ast-errors");

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8"})
    void astErrorsAreCpythonsOrRefused(PythonVersion v) throws IOException {
        check(v, v.dotted(), "ast.c errors");
    }

    /**
     * Mutated stdlib statements their LL(1) parser accepts and ast.c rejects
     * ({@code fuzz-X.Y.jsonl}, made by {@code scripts/golden/ast_errors_fuzz.py}).
     */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8"})
    void mutatedStdlibGivesCpythonsError(PythonVersion v) throws IOException {
        check(v, "fuzz-" + v.dotted(), "ast.c errors (mutated stdlib)");
    }

    private static void check(PythonVersion v, String file, String what) throws IOException {
        int same = 0;
        int refused = 0;
        int ast = 0;
        List<String> different = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve(file + ".jsonl"), StandardCharsets.UTF_8)) {
            Map<?, ?> c = (Map<?, ?>) Json.parse(line);
            String phase = (String) c.get("phase");
            boolean error = phase.equals("ast") || phase.equals("pgen");
            ast += phase.equals("ast") ? 1 : 0;
            String want = c.get("type") + ": " + c.get("msg") + " " + c.get("lineno") + ":" + c.get("offset");
            byte[] src = ((String) c.get("src")).getBytes(StandardCharsets.ISO_8859_1);
            try {
                Parser311.parseModule(src, "x.py", v, w -> { });
                if (error) {
                    different.add(c.get("name") + ": parsed; CPython " + want);
                }
            } catch (UnsupportedFeatureException e) {
                refused++;
            } catch (PythonError e) {
                String got = e.typeName() + ": " + e.pyMessage() + " " + e.lineno() + ":" + e.offset();
                if (error && got.equals(want)) {
                    same += phase.equals("ast") ? 1 : 0;
                } else {
                    different.add(c.get("name") + ": we raised " + got + "; CPython " + (error ? want : "no error (" + phase + ")"));
                }
            }
        }
        System.out.printf("%s %s: %d cases of ast.c, %d same, %d refused (all cases), %d different%n", what, v, ast,
                same, refused, different.size());
        Properties floor = new Properties();
        try (var in = Files.newInputStream(GOLDEN.resolve("floor.properties"))) {
            floor.load(in);
        }
        int minSame = Integer.parseInt(floor.getProperty(file + ".same", "0"));
        assertTrue(different.isEmpty(), () -> String.join("\n", different));
        assertTrue(same >= minSame, what + " " + v + ": " + same + " same, floor " + minSame);
    }
}
