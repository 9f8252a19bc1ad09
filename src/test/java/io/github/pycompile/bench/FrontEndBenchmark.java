package io.github.pycompile.bench;

import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import io.github.pycompile.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints front-end throughput on CPython 3.11's standard library (decoding + tokenizing, and the
 * whole front end up to the AST, single thread, after warm-up; median of 5 runs) beside CPython 3.11's own {@code compile()} of the same
 * files in the same run: wall time, and CPU time (this thread's; CPython's {@code process_time}), which a
 * shared machine disturbs less. A program, not a test; after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<junit-jupiter-api, opentest4j jars>
 * io.github.pycompile.bench.FrontEndBenchmark} (argument {@code c1}: with the CLI's JIT policy, C1 only
 * for our classes).
 */
public final class FrontEndBenchmark {
    private FrontEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("c1")) {
            System.out.println(io.github.pycompile.JitPolicy.applyOnce());
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Path lib = Interpreters.stdlib(PythonVersion.V3_11).orElseThrow(() -> new IllegalStateException("no 3.11"));
        List<byte[]> sources = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(lib)) {
            files = s.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages")
                    && !p.toString().contains("tokenizedata") && !p.toString().contains("bad"))
                    .sorted().collect(Collectors.toList());
        }
        long bytes = 0;
        List<Path> used = new ArrayList<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            try {
                new Tokenizer(SourceDecoder.decode(b, PythonVersion.V3_11, f.toString()).text(), PythonVersion.V3_11).all();
                sources.add(b);
                used.add(f);
                bytes += b.length;
            } catch (Exception e) {
                // left out: not yet accepted by our front end
            }
        }
        double[] secs = new double[5];
        double[] cpu = new double[5];
        for (int round = -3; round < 5; round++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long tokens = 0;
            for (byte[] b : sources) {
                tokens += new Tokenizer(SourceDecoder.decode(b, PythonVersion.V3_11, "f").text(), PythonVersion.V3_11)
                        .all().size();
            }
            if (round >= 0) {
                secs[round] = (System.nanoTime() - t0) / 1e9;
                cpu[round] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            if (round == 4) {
                System.out.printf("tokens: %d%n", tokens);
            }
        }
        Arrays.sort(secs);
        Arrays.sort(cpu);
        // the whole front end: decoding, tokenizing and parsing to the AST (Parser311)
        double[] parseSecs = new double[5];
        double[] parseCpu = new double[5];
        for (int round = -3; round < 5; round++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (byte[] b : sources) {
                try {
                    io.github.pycompile.parser.Parser311.parseModule(b, "f", PythonVersion.V3_11, w -> { });
                } catch (io.github.pycompile.PythonError | io.github.pycompile.UnsupportedFeatureException e) {
                    // timed all the same
                }
            }
            if (round >= 0) {
                parseSecs[round] = (System.nanoTime() - t0) / 1e9;
                parseCpu[round] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
        Arrays.sort(parseSecs);
        Arrays.sort(parseCpu);
        double mb = bytes / 1e6;
        System.out.printf("files: %d, %.1f MB%n", sources.size(), mb);
        System.out.printf("ours (decode + tokenize): median %.3f s = %.1f MB/s; CPU %.3f s = %.1f MB/s%n", secs[2],
                mb / secs[2], cpu[2], mb / cpu[2]);
        System.out.printf("ours (decode + tokenize + parse to the AST): median %.3f s = %.1f MB/s; CPU %.3f s = %.1f MB/s%n",
                parseSecs[2], mb / parseSecs[2], parseCpu[2], mb / parseCpu[2]);
        Path python = Interpreters.find(PythonVersion.V3_11).orElse(null);
        if (python != null) {
            var r = Python.exec(List.of(python.toString(), "-c", String.join("\n",
                    "import sys, time",
                    "srcs = [open(p, 'rb').read() for p in sys.stdin.read().splitlines()]",
                    "ts = []",
                    "cs = []",
                    "for _ in range(3):",
                    "    t, c = time.perf_counter(), time.process_time()",
                    "    for s in srcs:",
                    "        try: compile(s, 'f', 'exec')",
                    "        except SyntaxError: pass",
                    "    ts.append(time.perf_counter() - t)",
                    "    cs.append(time.process_time() - c)",
                    "print(sorted(ts)[1], sorted(cs)[1])")), null,
                    used.stream().map(Path::toString).collect(Collectors.joining("\n")));
            if (r.status() != 0) {
                throw new IllegalStateException(r.err());
            }
            String[] out = r.out().trim().split(" ");
            double c = Double.parseDouble(out[0]);
            double cc = Double.parseDouble(out[1]);
            System.out.printf("CPython 3.11 compile(): median %.3f s = %.1f MB/s; ratio to our tokenizer %.1fx, to our"
                    + " front end (parse) %.1fx%n", c, mb / c, c / secs[2], c / parseSecs[2]);
            System.out.printf("CPU time: CPython %.3f s = %.1f MB/s; ratio to our tokenizer %.1fx, to our front end"
                    + " (parse) %.1fx%n", cc, mb / cc, cc / cpu[2], cc / parseCpu[2]);
        }
    }
}
