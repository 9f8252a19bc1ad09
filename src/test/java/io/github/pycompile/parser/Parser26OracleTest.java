package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our parser with target 2.6 against what CPython 2.6's {@code py_compile} did with every file of the
 * 2.6 oracle ({@code ../shared/oracle/cpython-2.6}: 2.7's standard library and snippets): a file 2.6
 * compiled, we parse; a file 2.6 rejected with a parser error (grammar, tokenizer, {@code ast.c}), we
 * reject with the same {@code PyCompileError.msg} (type, message, line, offset, text); a file rejected
 * by a later phase (symbol table, compiler, {@code __future__} checks), we parse.
 */
class Parser26OracleTest {
    /** Messages of 2.6's phases after the parser (symtable.c, compile.c, future.c). */
    private static final List<String> LATER_PHASES = List.of("'return' outside function",
            "'return' with argument inside generator", "duplicate argument", "unqualified exec", "'break' outside loop",
            "'continue' not properly in loop", "from __future__ imports must occur", "future feature", "not a chance",
            "is local and global", "'yield' outside function", "default 'except:' must be last", "import * ",
            "can not delete variable", "is parameter and global");

    @Test
    void acceptsAndRejectsAs26() throws Exception {
        Path shared = Interpreters.shared().orElse(null);
        Assumptions.assumeTrue(shared != null, "skipped: ../shared (the 2.6 oracle) is absent");
        Path root = shared.resolve("oracle/cpython-2.6");
        Map<String, String[]> errors = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve("out/opt0/errors.jsonl"), StandardCharsets.UTF_8)) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(line);
            errors.put((String) m.get("file"), new String[] {(String) m.get("type"), (String) m.get("msg")});
        }
        int accepted = 0;
        int sameError = 0;
        int laterPhase = 0;
        int refused = 0;
        List<String> different = new ArrayList<>();
        for (String file : Files.readAllLines(root.resolve("files.txt"), StandardCharsets.UTF_8)) {
            if (file.isBlank()) {
                continue;
            }
            String[] want = errors.get(file);
            boolean later = want != null && LATER_PHASES.stream().anyMatch(want[1]::contains);
            byte[] src = Files.readAllBytes(root.resolve("src").resolve(file));
            try {
                Parser27.parseModule(src, file, PythonVersion.V2_6, w -> { });
                if (want == null) {
                    accepted++;
                } else if (later) {
                    laterPhase++;
                } else {
                    different.add(file + ": parsed; 2.6: " + want[1].strip());
                }
            } catch (UnsupportedFeatureException e) {
                refused++;
            } catch (PythonError e) {
                String msg = PyCompileError.of(e, file, PythonVersion.V2_6).msg();
                if (want != null && !later && want[1].equals(msg)) {
                    sameError++;
                } else {
                    different.add(file + ": we: " + msg.strip() + "; 2.6: " + (want == null ? "ok" : want[1].strip()));
                }
            }
        }
        System.out.printf("parser 2.6 oracle: %d accepted, %d same error, %d rejected later by 2.6 (parsed), %d refused,"
                + " %d different%n", accepted, sameError, laterPhase, refused, different.size());
        assertTrue(different.isEmpty(), () -> different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(20, different.size()))));
        assertTrue(refused == 0, refused + " files refused (none were: 1,316 accepted, 80 same error, 14 later-phase)");
    }
}
