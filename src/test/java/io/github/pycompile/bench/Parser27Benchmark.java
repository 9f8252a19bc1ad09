package io.github.pycompile.bench;

import io.github.pycompile.parser.Parser27;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints the 2.7 front end's throughput on python2.7's standard library (decode, tokenize, parse to
 * the AST; one thread, after warm-up, median of 5 runs) beside CPython 2.7's own {@code ast.parse} of
 * the same files. A program, not a test: {@code java -cp target/classes:target/test-classes:...
 * io.github.pycompile.bench.Parser27Benchmark}.
 */
public final class Parser27Benchmark {
    private Parser27Benchmark() {}

    public static void main(String[] args) throws Exception {
        List<byte[]> sources = new ArrayList<>();
        List<Path> used = new ArrayList<>();
        long bytes = 0;
        for (Path f : Interpreters.stdlibSources(PythonVersion.V2_7)) {
            byte[] b = Files.readAllBytes(f);
            try {
                Parser27.parseModule(b, f.toString(), PythonVersion.V2_7, w -> { });
                sources.add(b);
                used.add(f);
                bytes += b.length;
            } catch (Exception e) {
                // left out: rejected or refused
            }
        }
        double[] secs = new double[5];
        for (int round = -3; round < 5; round++) {
            long t0 = System.nanoTime();
            for (byte[] b : sources) {
                Parser27.parseModule(b, "f", PythonVersion.V2_7, w -> { });
            }
            if (round >= 0) {
                secs[round] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(secs);
        double mb = bytes / 1e6;
        System.out.printf("files: %d, %.1f MB%n", sources.size(), mb);
        System.out.printf("ours (decode + tokenize + parse): median %.3f s = %.1f MB/s%n", secs[2], mb / secs[2]);
        Path python = Interpreters.find(PythonVersion.V2_7).orElse(null);
        if (python != null) {
            var r = Python.exec(List.of(python.toString(), "-c", String.join("\n",
                    "import sys, time, ast",
                    "srcs = [open(p, 'rb').read() for p in sys.stdin.read().splitlines()]",
                    "ts = []",
                    "for _ in range(3):",
                    "    t = time.time()",
                    "    for s in srcs:",
                    "        ast.parse(s)",
                    "    ts.append(time.time() - t)",
                    "print(sorted(ts)[1])")), null, used.stream().map(Path::toString).collect(Collectors.joining("\n")));
            System.out.println("CPython 2.7 ast.parse: " + r.out().strip() + " s");
        }
    }
}
