package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PyCompileError;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The 2.6 target (the 2.7 core with 2.6's grammar, numbers and lowerings) against what CPython 2.6's
 * {@code py_compile} wrote for every file of the 2.6 oracle ({@code ../shared/oracle/cpython-2.6}) at
 * {@code -O0}, {@code -O} and {@code -OO}, with the relative path as file name: our marshalled code must
 * equal the cache from byte 8 on (after magic and the zeroed mtime), or our error must be 2.6's
 * ({@code PyCompileError.msg} with its type). Refusals are counted; any difference fails, and the
 * identical count has a floor per level.
 */
class Oracle26DifferentialTest {
    /** Identical files per level at least (raise as the 2.6 lowerings come). */
    private static final int[] IDENTICAL_FLOOR = {1316, 1316, 1316};

    /** A directory where differing marshalled code of ours is written, for diagnosis (or null). */
    private static final String DUMP = System.getProperty("oracle26.dump");

    @Test
    void compilesAs26() throws Exception {
        Path shared = Interpreters.shared().orElse(null);
        Assumptions.assumeTrue(shared != null, "skipped: ../shared (the 2.6 oracle) is absent");
        Path root = shared.resolve("oracle/cpython-2.6");
        List<String> files = new ArrayList<>();
        for (String f : Files.readAllLines(root.resolve("files.txt"), StandardCharsets.UTF_8)) {
            if (!f.isBlank()) {
                files.add(f);
            }
        }
        Cpython27Compiler compiler = new Cpython27Compiler(PythonVersion.V2_6);
        List<String> different = new ArrayList<>();
        int[] identical = new int[3];
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (int level = 0; level <= 2; level++) {
            Path out = root.resolve("out/opt" + level);
            Map<String, String[]> errors = new HashMap<>();
            for (String line : Files.readAllLines(out.resolve("errors.jsonl"), StandardCharsets.UTF_8)) {
                Map<?, ?> m = (Map<?, ?>) Json.parse(line);
                errors.put((String) m.get("file"), new String[] {(String) m.get("type"), (String) m.get("msg")});
            }
            int same = 0;
            int sameError = 0;
            int refused = 0;
            int diff = 0;
            CompileOptions options = new CompileOptions(PythonVersion.V2_6, level, null);
            for (String file : files) {
                String[] want = errors.get(file);
                byte[] src = Files.readAllBytes(root.resolve("src").resolve(file));
                String problem;
                try {
                    byte[] ours = compiler.compile(src, file, options).marshalledCode();
                    if (want != null) {
                        problem = "compiled; 2.6: " + want[1].strip();
                    } else {
                        byte[] pyc = Files.readAllBytes(out.resolve(file + "c"));
                        byte[] theirs = Arrays.copyOfRange(pyc, 8, pyc.length);
                        if (DUMP != null && !Arrays.equals(ours, theirs)) {
                            Path d = Path.of(DUMP, "opt" + level, file + "c");
                            Files.createDirectories(d.getParent());
                            Files.write(d, ours);
                        }
                        problem = Arrays.equals(ours, theirs) ? null
                                : "code differs at byte " + (Arrays.mismatch(ours, theirs) + 8);
                    }
                    if (problem == null) {
                        same++;
                    }
                } catch (UnsupportedFeatureException e) {
                    refused++;
                    if (level == 0) {
                        String m = e.getMessage();
                        int cut = m.indexOf(" for CPython");
                        reasons.merge(cut > 0 ? m.substring(0, cut) : m, 1, Integer::sum);
                    }
                    problem = null;
                } catch (PythonError e) {
                    String msg = PyCompileError.of(e, file, PythonVersion.V2_6).msg();
                    if (want != null && want[0].equals(e.typeName()) && want[1].equals(msg)) {
                        sameError++;
                        problem = null;
                    } else {
                        problem = "we: " + e.typeName() + " " + msg.strip() + "; 2.6: "
                                + (want == null ? "ok" : want[0] + " " + want[1].strip());
                    }
                }
                if (problem != null) {
                    diff++;
                    different.add("-O" + level + " " + file + ": " + problem);
                }
            }
            identical[level] = same;
            System.out.printf("2.6 oracle -O%d: %d identical, %d same error, %d refused, %d different (of %d)%n",
                    level, same, sameError, refused, diff, files.size());
        }
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(r -> System.out.printf("  refused -O0: %4d  %s%n", r.getValue(), r.getKey()));
        assertTrue(different.isEmpty(), () -> different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(40, different.size()))));
        for (int level = 0; level <= 2; level++) {
            int l = level;
            assertTrue(identical[level] >= IDENTICAL_FLOOR[level],
                    () -> "-O" + l + ": " + identical[l] + " identical, floor " + IDENTICAL_FLOOR[l]);
        }
    }
}
