package io.github.pycompile.tokenizer;

import io.github.pycompile.testsupport.Json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared syntax-error corpus ({@code golden/syntax-errors}, made by
 * {@code scripts/golden/syntax_errors.sh} with each real CPython) for the cases decided by decoding
 * or tokenizing: decoding and tokenizing the whole source must raise exactly CPython's error (type,
 * message, line, offset and, 3.10+, end position), or none when CPython compiles the source or fails
 * later, in its parser.
 */
class SyntaxErrorGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/syntax-errors");

    /** Messages only CPython's decoder or tokenizer produces: an error with one of these must be ours. */
    private static final List<String> TOKENIZER_MESSAGES = List.of("unterminated ", "EOL while scanning",
            "EOF while scanning", "invalid token", "invalid character", "invalid non-printable", "invalid decimal literal",
            "invalid hexadecimal literal", "invalid octal literal", "invalid binary literal", "invalid imaginary literal",
            "in octal literal", "in binary literal", "unmatched '", "does not match opening parenthesis", "was never closed",
            "unindent does not match", "inconsistent use of tabs", "too many levels of indentation",
            "unexpected character after line continuation", "leading zeros", "Non-UTF-8", "too many nested",
            "encoding problem", "unknown encoding", "null bytes");

    /** 3.12+: f-string errors come from the tokenizer (before, from the compiler's f-string parser). */
    private static final List<String> TOKENIZER_MESSAGES_312 = List.of("f-string: expecting '}'",
            "f-string: single '}' is not allowed", "f-string: unmatched", "f-string: expressions nested too deeply",
            "unterminated f-string", "unterminated triple-quoted f-string");

    /** Our result; {@code reached}: the index in the text up to which tokens were produced. */
    record Outcome(String type, String msg, long lineno, long offset, String text, long endLineno, long endOffset,
            int reached) {
        Outcome(String type, String msg, long lineno, long offset, String text, long endLineno, long endOffset) {
            this(type, msg, lineno, offset, text, endLineno, endOffset, -1);
        }

        static Outcome ok() {
            return new Outcome("OK", null, 0, 0, null, 0, 0);
        }

        boolean isOk() {
            return type.equals("OK");
        }

        String brief() {
            return isOk() ? "OK" : type + ": " + msg + " @" + lineno + ":" + offset + "-" + endLineno + ":" + endOffset;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        return (List<Map<String, Object>>) Json.parse(Files.readString(GOLDEN.resolve("cases.json")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Outcome> golden(PythonVersion v) throws IOException {
        Path f = GOLDEN.resolve(v.dotted()).resolve("results.jsonl");
        Assumptions.assumeTrue(Files.exists(f), "no golden for " + v);
        Map<String, Outcome> out = new HashMap<>();
        for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) Json.parse(line);
            if (Boolean.TRUE.equals(m.get("ok"))) {
                out.put((String) m.get("name"), Outcome.ok());
            } else {
                out.put((String) m.get("name"), new Outcome((String) m.get("type"), (String) m.get("msg"), num(m, "lineno"),
                        num(m, "offset"), (String) m.get("text"), num(m, "end_lineno"), num(m, "end_offset")));
            }
        }
        return out;
    }

    private static long num(Map<String, Object> m, String k) {
        Object o = m.get(k);
        return o == null ? -1 : (Long) o;
    }

    /** What decoding and tokenizing the case give; null when refused as unsupported. */
    static Outcome ours(byte[] src, PythonVersion v) {
        int reached = 0;
        String text = null;
        try {
            SourceDecoder.DecodedSource d = SourceDecoder.decode(src, v, "x.py");
            text = d.text();
            Tokenizer t = new Tokenizer(text, v, "x.py", d.declared());
            Token tok;
            do {
                tok = t.next();
                reached = tok.endIndex();
            } while (tok.kind() != TokenKind.ENDMARKER);
            return Outcome.ok();
        } catch (PythonError e) {
            boolean ends = v.atLeast(PythonVersion.V3_10);
            return new Outcome(e.typeName(), e.pyMessage(), e.lineno(), e.offset(), e.text(), ends ? e.endLineno() : -1,
                    ends ? e.endOffset() : -1, text == null ? -1 : reached);
        } catch (UnsupportedFeatureException e) {
            return null;
        }
    }

    static boolean tokenizerMessage(String msg, PythonVersion v) {
        if (msg != null && msg.startsWith("f-string") && !v.atLeast(PythonVersion.V3_12)) {
            return false;
        }
        return msg != null && (TOKENIZER_MESSAGES.stream().anyMatch(msg::contains)
                || v.atLeast(PythonVersion.V3_12) && TOKENIZER_MESSAGES_312.stream().anyMatch(msg::contains));
    }

    /** Index in {@code text} of a 1-based (line, offset) position (offsets taken as characters). */
    static int indexOf(String text, long line, long offset) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = text.indexOf('\n', at);
            at = at < 0 ? -1 : at + 1;
        }
        return at < 0 ? Integer.MAX_VALUE : at + (int) Math.max(0, offset - 1);
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = "V2_6", mode = EnumSource.Mode.EXCLUDE)
    void tokenizerErrorsMatch(PythonVersion v) throws IOException {
        Map<String, Outcome> expected = golden(v);
        int agree = 0;
        int parser = 0;
        int unsupported = 0;
        int texts = 0;
        int total = 0;
        List<String> differ = new ArrayList<>();
        for (Map<String, Object> c : cases()) {
            String layer = (String) c.get("layer");
            if (layer.equals("parser")) {
                continue;
            }
            String name = (String) c.get("name");
            byte[] src = ((String) c.get("src")).getBytes(StandardCharsets.ISO_8859_1);
            Outcome want = expected.get(name);
            if (want == null) {
                continue;
            }
            total++;
            Outcome got = ours(src, v);
            if (got == null) {
                unsupported++;
                continue;
            }
            if (!want.isOk() && !tokenizerMessage(want.msg(), v)) {
                // CPython's parser (or compiler) rejects it: the parser tests' business, whether the
                // tokens go through, or our tokenizer fails later in the text than where CPython's
                // parser stopped (the parser pulls tokens on demand, so it fails first)
                String text = new String(src, StandardCharsets.ISO_8859_1);
                if (got.isOk() || got.reached() >= 0 && indexOf(text, want.lineno(), want.offset()) < got.reached()) {
                    parser++;
                    continue;
                }
            }
            boolean same = got.type().equals(want.type()) && Objects.equals(got.msg(), want.msg())
                    && got.lineno() == want.lineno() && got.offset() == want.offset() && got.endLineno() == want.endLineno()
                    && got.endOffset() == want.endOffset();
            if (same) {
                agree++;
                if (!Objects.equals(got.text(), want.text())) {
                    texts++;
                }
            } else {
                differ.add(name + ": ours " + got.brief() + " / cpython " + want.brief());
            }
        }
        System.out.printf("syntax-errors %s: %d agree (%d with another text), %d differ, %d left to the parser,"
                + " %d unsupported, of %d source/tokenizer cases%n", v, agree, texts, differ.size(), parser, unsupported, total);
        differ.forEach(d -> System.out.println("  " + d));
        assertTrue(differ.isEmpty(), differ.size() + " cases differ, e.g. " + differ.subList(0, Math.min(3, differ.size())));
    }
}
