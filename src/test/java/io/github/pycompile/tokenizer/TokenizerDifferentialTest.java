package io.github.pycompile.tokenizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our tokens against each CPython's {@code tokenize} (NL and COMMENT dropped, columns as UTF-8
 * bytes) over that version's standard library: a sample by default, every file with -Dpycompile.corpus=full.
 * INDENT/DEDENT positions and the NEWLINE text are left out of the comparison (tokenize's pure-Python
 * conventions differ from the C tokenizer's there); every other token must match exactly.
 */
class TokenizerDifferentialTest {

    /** Up to 3.11, where tokenize is still pure Python and f-strings are single STRING tokens. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_8", "V3_9", "V3_10", "V3_11"})
    void stdlibTokensMatch(PythonVersion v) throws IOException {
        Path python = Interpreters.require(v);
        Path lib = Interpreters.stdlib(v).orElseThrow();
        List<Path> files;
        try (Stream<Path> s = Files.walk(lib)) {
            files = s.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages"))
                    .sorted().collect(Collectors.toList());
        }
        if (!Interpreters.fullCorpus()) {
            List<Path> sample = new ArrayList<>();
            for (int i = 0; i < files.size(); i += Math.max(1, files.size() / 150)) {
                sample.add(files.get(i));
            }
            files = sample;
        }
        var r = Python.exec(List.of(python.toString(), "scripts/golden/tokenize_dump.py"), null,
                files.stream().map(Path::toString).collect(Collectors.joining("\n")) + "\n");
        Map<String, List<String>> expected = new HashMap<>();
        List<String> current = null;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("==FILE ")) {
                current = new ArrayList<>();
                expected.put(line.substring(7), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        int equal = 0;
        int refused = 0;
        int skipped = 0;
        List<String> differ = new ArrayList<>();
        for (Path f : files) {
            List<String> theirs = expected.get(f.toString());
            // test_unicode_identifiers.py: pure-Python tokenize splits a variation selector off a name;
            // the C tokenizer keeps it in the name, as we do (checked with 3.12's C-based tokenize)
            if (theirs == null || theirs.stream().anyMatch(l -> l.startsWith("==ERROR"))
                    || f.getFileName().toString().equals("test_unicode_identifiers.py")) {
                skipped++;
                continue;
            }
            List<String> ours = new ArrayList<>();
            try {
                String text = SourceDecoder.decode(Files.readAllBytes(f), v, f.toString()).text();
                for (Token t : new Tokenizer(text, v).all()) {
                    ours.add((t.kind().isOperator() ? "OP" : t.kind().toString()) + "|" + io.github.pycompile.PyRepr.ascii(t.text()) + "|" + t.startLine() + "|" + t.startCol() + "|"
                            + t.endLine() + "|" + t.endCol());
                }
            } catch (UnsupportedFeatureException | PythonError e) {
                refused++;
                continue;
            }
            if (normalize(ours).equals(normalize(theirs))) {
                equal++;
            } else {
                List<String> a = normalize(ours);
                List<String> b = normalize(theirs);
                int k = 0;
                while (k < Math.min(a.size(), b.size()) && a.get(k).equals(b.get(k))) {
                    k++;
                }
                differ.add(f + " at token " + k + ": ours " + (k < a.size() ? a.get(k) : "<end>") + " / cpython "
                        + (k < b.size() ? b.get(k) : "<end>"));
            }
        }
        System.out.printf("tokenizer " + v + ": %d equal, %d differ, %d refused as unsupported, %d skipped, of %d files%n",
                equal, differ.size(), refused, skipped, files.size());
        assertTrue(differ.isEmpty(), differ.size() + " files differ, e.g. " + differ.subList(0, Math.min(5, differ.size())));
    }

    /** INDENT/DEDENT: kind only; NEWLINE: kind and start; everything else whole. */
    private static List<String> normalize(List<String> toks) {
        List<String> out = new ArrayList<>();
        for (String t : toks) {
            if (t.startsWith("INDENT|") || t.startsWith("DEDENT|") || t.startsWith("ENDMARKER|")) {
                out.add(t.substring(0, t.indexOf('|')));
            } else if (t.startsWith("NEWLINE|")) {
                String[] p = t.split("\\|");
                out.add("NEWLINE|" + p[2] + "|" + p[3]);
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
