package io.github.pycompile.testsupport;

import io.github.pycompile.target.PythonVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real CPython's {@code ast.dump(ast.parse(source), include_attributes=True)} of files, through
 * {@code scripts/ast/ast_dump.py}: one interpreter process for all of them (3.14 under pyodide). Skips
 * the calling test when the interpreter is absent.
 */
public final class CpythonDump {
    private static final Path SCRIPT = Path.of("scripts", "ast", "ast_dump.py").toAbsolutePath();

    private CpythonDump() {}

    /**
     * What CPython made of one file: its dump, or {@code "Type: message"} of the error {@code ast.parse}
     * raised ({@code error}) or {@code ast.dump} raised on the tree ({@code dumpError}).
     */
    public record Result(String dump, String error, String dumpError) {
        public boolean ok() {
            return dump != null;
        }

        /** True when ast.parse built a tree (whether or not ast.dump could print it). */
        public boolean parsed() {
            return error == null;
        }
    }

    /** One line of {@code ast_dump.py}'s output (as in a golden file). */
    public static Map.Entry<String, Result> fromJsonLine(String line) {
        Map<?, ?> rec = (Map<?, ?>) Json.parse(line);
        return Map.entry((String) rec.get("file"), new Result((String) rec.get("dump"), (String) rec.get("error"),
                (String) rec.get("dump_error")));
    }

    /** Every file's result, in the order given. */
    public static Map<Path, Result> dumpAll(PythonVersion v, List<Path> files) {
        Map<Path, Result> results = new LinkedHashMap<>();
        Map<String, Path> byName = new HashMap<>();
        for (Path f : files) {
            byName.put(f.toString(), f);
        }
        try {
            Process proc = Interpreters.scriptProcess(v, SCRIPT, List.of(), List.of())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread feeder = new Thread(() -> {
                try (Writer w = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (Path f : files) {
                        w.write(f.toString());
                        w.write('\n');
                    }
                } catch (IOException ignored) {
                    // the reader below reports a short result
                }
            });
            feeder.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Map.Entry<String, Result> e = fromJsonLine(line);
                    results.put(byName.get(e.getKey()), e.getValue());
                }
            }
            proc.waitFor();
            feeder.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (results.size() != files.size()) {
            throw new IllegalStateException("CPython " + v + " dumped " + results.size() + " of " + files.size() + " files");
        }
        return results;
    }
}
