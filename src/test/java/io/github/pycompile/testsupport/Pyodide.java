package io.github.pycompile.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * CPython 3.14 for differential tests: pyodide 314.0.7 (CPython 3.14.2 in WebAssembly) under the
 * machine's Node. Found in {@code $PYCOMPILE_PYODIDE_DIR} or {@code ~/.cache/pycompile/pyodide}
 * (a directory where {@code npm install pyodide@314.0.7} was run; {@code .ci/run} does it).
 */
public final class Pyodide {
    private Pyodide() {}

    /** The directory holding {@code node_modules/pyodide}, if it and {@code node} are here. */
    public static Optional<Path> find() {
        String env = System.getenv("PYCOMPILE_PYODIDE_DIR");
        Path dir = env != null && !env.isEmpty() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "pycompile", "pyodide");
        if (!Files.isRegularFile(dir.resolve("node_modules/pyodide/pyodide.mjs"))) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The pyodide directory, or a JUnit assumption failure saying why the test is skipped. */
    public static Path require() {
        Optional<Path> d = find();
        Assumptions.assumeTrue(d.isPresent(), "skipped: no CPython 3.14 (pyodide 314.0.7 under node) here; "
                + "run `npm install pyodide@314.0.7` in ~/.cache/pycompile/pyodide or set PYCOMPILE_PYODIDE_DIR");
        return d.get();
    }

    /**
     * Runs a Python script file under CPython 3.14 and returns what it printed
     * (through {@code scripts/golden/run_in_pyodide.mjs}).
     */
    public static Python.Result runScript(Path script) {
        Path dir = require();
        Path runner = Path.of("scripts/golden/run_in_pyodide.mjs").toAbsolutePath();
        return Python.exec(List.of("node", runner.toString(), script.toAbsolutePath().toString()), dir, "");
    }

    /** Runs Python source text under CPython 3.14 (written to a temporary file first). */
    public static Python.Result run(String code) {
        try {
            Path f = Files.createTempFile("pyodide", ".py");
            try {
                Files.writeString(f, code, StandardCharsets.UTF_8);
                return runScript(f);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
