package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiler core on the committed snippet corpus ({@code golden/e2e/snippets}, one construct family
 * per file) against what each real CPython wrote for it at -O0/1/2 ({@code golden/e2e/<X.Y>/bodies.jsonl},
 * made by {@code scripts/golden/e2e_snippets.sh}): runs everywhere, with no Python installed. Same rules
 * as {@link EndToEndDifferentialTest}: any different output fails; refusals are counted; the number of
 * identical results may not drop below the floor ({@code golden/e2e/floor.properties}, key
 * {@code X.Y.snippets}).
 */
class SnippetGoldenTest {

    @ParameterizedTest
    @EnumSource(PythonVersion.class)
    void snippetsMatchCpython(PythonVersion v) throws IOException {
        Assumptions.assumeTrue(Compilers.hasBackEnd(v), () -> "skipped: no back end for " + v + " yet");
        InputStream golden = getClass().getResourceAsStream("/golden/e2e/" + v.dotted() + "/bodies.jsonl");
        Assumptions.assumeTrue(golden != null, () -> "skipped: no golden bodies for " + v);
        Properties floor = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/golden/e2e/floor.properties")) {
            floor.load(in);
        }
        ModuleCompiler core = Compilers.forTarget(v);
        int identical = 0;
        int sameError = 0;
        int refused = 0;
        List<String> different = new ArrayList<>();
        String text = new String(golden.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> rec = (Map<?, ?>) Json.parse(line);
            String name = (String) rec.get("name");
            int level = ((Number) rec.get("level")).intValue();
            byte[] source;
            try (InputStream in = getClass().getResourceAsStream("/golden/e2e/snippets/" + name)) {
                source = in.readAllBytes();
            }
            String where = v + " " + name + " -O" + level;
            try {
                CompiledModule got = core.compile(source, name, new CompileOptions(v, level, null));
                Object body = rec.get("body");
                if (body != null && Arrays.equals(HexFormat.of().parseHex((String) body), got.marshalledCode())) {
                    List<String> want = new ArrayList<>();
                    for (Object w : (List<?>) rec.get("warnings")) {
                        Map<?, ?> wm = (Map<?, ?>) w;
                        want.add(wm.get("category") + ":" + ((Number) wm.get("lineno")).intValue() + ": " + wm.get("message"));
                    }
                    List<String> ours = new ArrayList<>();
                    for (CompilerWarning w : got.warnings()) {
                        ours.add(w.category() + ":" + w.lineno() + ": " + w.message());
                    }
                    if (!want.equals(ours)) {
                        different.add(where + ": warnings " + ours + ", CPython " + want);
                        continue;
                    }
                    identical++;
                } else {
                    different.add(where + (body == null ? ": compiled, CPython raised " + rec.get("error") : ": different bytes"));
                }
            } catch (UnsupportedFeatureException e) {
                refused++;
            } catch (PythonError e) {
                Map<?, ?> err = (Map<?, ?>) rec.get("error");
                if (err != null && e.typeName().equals(err.get("type")) && e.pyMessage().equals(err.get("msg"))
                        && Objects.equals(toInt(err.get("lineno")), e.lineno())
                        && Objects.equals(toInt(err.get("offset")), e.offset())) {
                    sameError++;
                } else {
                    different.add(where + ": we raised " + e.typeName() + ": " + e.pyMessage() + " (" + e.lineno() + ":"
                            + e.offset() + "), CPython " + (err == null ? "compiled it" : err));
                }
            } catch (RuntimeException e) {
                different.add(where + ": internal error " + e);
            }
        }
        String report = String.format("snippets %s: %d identical, %d same error, %d refused, %d different", v, identical,
                sameError, refused, different.size());
        System.out.println(report);
        int min = Integer.parseInt(floor.getProperty(v.dotted() + ".snippets", "0"));
        assertTrue(different.isEmpty() && identical + sameError >= min,
                () -> report + " (floor " + min + ")\n" + String.join("\n", different));
    }

    /** A position from the golden; CPython's None is our -1. */
    private static Integer toInt(Object o) {
        return o == null ? -1 : ((Number) o).intValue();
    }
}
