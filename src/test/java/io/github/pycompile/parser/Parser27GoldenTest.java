package io.github.pycompile.parser;

import io.github.pycompile.testsupport.CpythonAst;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 2.7 parser against trees and errors CPython 2.7 produced for the snippets of
 * {@code golden/2.7/parser} ({@code expected.jsonl}, written by scripts/golden/parser27_snippets.py):
 * runs without any Python installed.
 */
class Parser27GoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "golden", "2.7", "parser");

    static List<Path> snippetFiles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void snippetsAsRecorded() throws IOException {
        Map<Path, CpythonAst.Parsed> expected = new TreeMap<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
            Map.Entry<String, CpythonAst.Parsed> e = CpythonAst.fromJsonLineWithFile(line);
            expected.put(DIR.resolve(e.getKey()), e.getValue());
        }
        Parser27DifferentialTest.compare(expected, "2.7 golden snippets");
    }
}
