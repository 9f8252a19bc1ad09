package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.checks.LaterPhaseChecks;
import io.github.pycompile.parser.Parser311;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The syntax-error cases of CPython's own test suite ({@code golden/syntax-suite/X.Y.jsonl}, made by
 * {@code scripts/golden/syntax_suite.py} with each real CPython: doctests and source strings of
 * test_syntax, test_grammar, test_exceptions, test_fstring, test_patma...), each compiled as py_compile
 * compiles a file. Every case must give CPython's error (type, message, line, offset, and end position
 * where the version has one) or be refused; a different error, or a compiled case, fails. The number of
 * cases we reproduce may only grow ({@code golden/syntax-suite/floor.properties}).
 */
class SyntaxSuiteTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/syntax-suite");

    @ParameterizedTest
    @EnumSource(PythonVersion.class)
    void casesGiveCpythonsError(PythonVersion v) throws IOException {
        Path file = GOLDEN.resolve(v.dotted() + ".jsonl");
        Assumptions.assumeTrue(Files.exists(file), "no syntax-suite golden for " + v);
        String only = System.getProperty("pycompile.versions");
        Assumptions.assumeTrue(only == null || List.of(only.split(",")).contains(v.dotted()),
                "syntax suite " + v + ": not in -Dpycompile.versions");
        // targets without a back end yet: their parser alone (a case it parses is counted apart: CPython's
        // error then comes from a later phase)
        boolean parserOnly = !Compilers.hasBackEnd(v);
        Assumptions.assumeTrue(!parserOnly || Parser311.supports(v), "syntax suite " + v
                + ": skipped, no parser or compiler core for this target yet");
        ModuleCompiler core = parserOnly ? (src, name, o) -> {
            Ast.ModuleNode tree = Parser311.parseModule(src, name, v, w -> { });
            if (LaterPhaseChecks.supports(v)) {
                // the errors of the symbol table and the code generator, without a back end
                LaterPhaseChecks.check(tree, name, v);
            }
            throw new ParsedOnly();
        } : Compilers.forTarget(v);
        int parsed = 0;
        CompileOptions options = new CompileOptions(v, 0, null);
        int same = 0;
        int refused = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> refusedCases = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) Json.parse(line);
            byte[] src = ((String) c.get("src")).getBytes(StandardCharsets.ISO_8859_1);
            String origin = (String) c.get("origin");
            String want = c.get("type") + ": " + c.get("msg") + " " + pos(c.get("lineno"), c.get("offset"))
                    + (c.get("end_lineno") != null ? "-" + pos(c.get("end_lineno"), c.get("end_offset")) : "");
            try {
                core.compile(src, "<case>", options);
                different.add(origin + ": compiled; CPython " + want);
            } catch (ParsedOnly e) {
                parsed++;
            } catch (UnsupportedFeatureException e) {
                refused++;
                refusedCases.add(origin + ": refused (" + e.construct() + "); CPython " + want);
                refusals.merge(e.construct().length() > 60 ? e.construct().substring(0, 60) : e.construct(), 1, Integer::sum);
            } catch (PythonError e) {
                boolean ends = c.get("end_lineno") != null;
                String got = e.typeName() + ": " + e.pyMessage() + " " + pos(e.lineno(), e.offset())
                        + (ends ? "-" + pos(e.endLineno(), e.endOffset()) : "");
                if (got.equals(want)) {
                    same++;
                } else {
                    different.add(origin + ": we raised " + got + "; CPython " + want);
                }
            } catch (RuntimeException | StackOverflowError e) {
                different.add(origin + ": internal error " + e);
            }
        }
        System.out.printf("syntax suite %s%s: %d cases: %d same error, %d refused, %s%d different%n", v,
                parserOnly ? " (parser only)" : "", lines.size(), same, refused,
                parserOnly ? parsed + " parsed (error from a later phase), " : "", different.size());
        if (Boolean.getBoolean("pycompile.verbose")) {
            refusals.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                    .forEach(e -> System.out.println("  refused " + e.getValue() + " x " + e.getKey()));
            refusedCases.forEach(d -> System.out.println("  " + d));
            different.forEach(d -> System.out.println("  " + d));
        }
        Properties floor = new Properties();
        try (var in = Files.newInputStream(GOLDEN.resolve("floor.properties"))) {
            floor.load(in);
        }
        int minSame = Integer.parseInt(floor.getProperty(v.dotted() + ".same", "0"));
        int maxDifferent = Integer.parseInt(floor.getProperty(v.dotted() + ".different", "0"));
        assertTrue(same >= minSame, "syntax suite " + v + ": " + same + " same errors, floor " + minSame);
        assertTrue(different.size() <= maxDifferent, () -> "syntax suite " + v + ": " + different.size()
                + " different (allowed " + maxDifferent + "):\n" + String.join("\n", different.subList(0, Math.min(15, different.size()))));
    }

    /** The parser accepted a case (parser-only runs). */
    private static final class ParsedOnly extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParsedOnly() {
            super(null, null, false, false);
        }
    }

    private static String pos(Object line, Object col) {
        return normal(line) + ":" + normal(col);
    }

    private static String normal(Object o) {
        if (o == null) {
            return "None";
        }
        long n = ((Number) o).longValue();
        return n < 0 ? "None" : Long.toString(n);
    }

    private static String pos(int line, int col) {
        return (line < 0 ? "None" : Integer.toString(line)) + ":" + (col < 0 ? "None" : Integer.toString(col));
    }
}
