package io.github.pycompile.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real interpreter and captures what it prints. */
public final class Python {
    private Python() {}

    /** The result of one run: exit status, stdout and stderr as text. */
    public record Result(int status, String out, String err) {}

    /** Runs {@code python -c code args...}, feeding {@code stdin}, in {@code dir} (null: current). */
    public static Result run(Path python, Path dir, String stdin, String code, String... args) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", code));
        cmd.addAll(List.of(args));
        return exec(cmd, dir, stdin);
    }

    public static Result exec(List<String> cmd, Path dir, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.environment().remove("SOURCE_DATE_EPOCH");
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> copy(p.getErrorStream(), err));
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            t.join();
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
