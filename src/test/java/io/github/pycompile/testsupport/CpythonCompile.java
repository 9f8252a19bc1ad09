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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a real CPython's {@code py_compile} writes after the header, file by file: the marshalled code
 * object, or the error compiling raised, plus the warnings printed meanwhile
 * ({@code scripts/golden/py_compile_bodies.py}, one interpreter process for many files). The
 * reference for end-to-end differential tests of the compiler core.
 */
public final class CpythonCompile {
    private static final Path SCRIPT = Path.of("scripts", "golden", "py_compile_bodies.py").toAbsolutePath();

    private CpythonCompile() {}

    /** A warning as {@code warnings} recorded it. */
    public record Warning(String category, String message, String filename, int lineno) {}

    /** One file's result: {@code body} or the error's type, message, line and offset. */
    public record Result(byte[] body, String errorType, String errorMessage, Integer lineno, Integer offset,
            List<Warning> warnings) {
        public boolean ok() {
            return body != null;
        }
    }

    /**
     * Compiles each file as {@code python -O... -m py_compile} would, with {@code dfile.apply(file)} as
     * the name in {@code co_filename}. Skips the calling test when the interpreter is absent.
     */
    public static Map<Path, Result> compile(PythonVersion v, int optimize, List<Path> files, Function<Path, String> dfile) {
        List<String> flags = optimize == 1 ? List.of("-O") : optimize == 2 ? List.of("-OO") : List.of();
        List<String> args = v.isPython2() ? List.of() : List.of("--optimize", Integer.toString(optimize));
        Map<String, Path> byName = new HashMap<>();
        files.forEach(f -> byName.put(f.toString(), f));
        Map<Path, Result> results = new LinkedHashMap<>();
        try {
            ProcessBuilder pb = Interpreters.scriptProcess(v, SCRIPT, flags, args)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            Process proc = pb.start();
            Thread feeder = new Thread(() -> {
                try (Writer w = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (Path f : files) {
                        w.write(f + "\t" + dfile.apply(f) + "\n");
                    }
                } catch (IOException ignored) {
                    // a short answer is reported below
                }
            });
            feeder.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Map<?, ?> rec = (Map<?, ?>) Json.parse(line);
                    results.put(byName.get((String) rec.get("file")), toResult(rec));
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
            throw new IllegalStateException("CPython " + v + " answered for " + results.size() + " of " + files.size() + " files");
        }
        return results;
    }

    /** One line of {@code py_compile_bodies.py}'s output (a golden file); no Python needed. */
    public static Result fromJsonLine(String line) {
        return toResult((Map<?, ?>) Json.parse(line));
    }

    private static Result toResult(Map<?, ?> rec) {
        List<Warning> ws = new ArrayList<>();
        for (Object o : (List<?>) rec.get("warnings")) {
            Map<?, ?> w = (Map<?, ?>) o;
            ws.add(new Warning((String) w.get("category"), (String) w.get("message"), (String) w.get("filename"),
                    ((Number) w.get("lineno")).intValue()));
        }
        Object body = rec.get("body");
        if (body != null) {
            return new Result(HexFormat.of().parseHex((String) body), null, null, null, null, ws);
        }
        Map<?, ?> e = (Map<?, ?>) rec.get("error");
        return new Result(null, (String) e.get("type"), (String) e.get("msg"), toInt(e.get("lineno")), toInt(e.get("offset")), ws);
    }

    private static Integer toInt(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
