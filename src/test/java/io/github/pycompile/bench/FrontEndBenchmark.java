package io.github.pycompile.bench;

import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import io.github.pycompile.tokenizer.Tokenizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints front-end throughput on CPython 3.11's standard library (decoding + tokenizing, and the
 * whole front end up to the AST, single thread, after warm-up; medians) beside CPython 3.11's own
 * {@code compile()} of the same files in the same run: wall time, and CPU time (this thread's; CPython's
 * {@code process_time}), which a shared machine disturbs less.
 *
 * <p>Each of our two measurements runs in a JVM of its own, as JMH forks do: run in one JVM, the
 * tokenizer-only rounds leave the JIT with profiles that the parser's rounds must first undo, and the
 * second measurement would depend on the first. Each fork warms up for {@value #WARMUP} rounds over the
 * whole corpus, then times {@value #ROUNDS}.
 *
 * <p>A program, not a test; after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<test classpath> io.github.pycompile.bench.FrontEndBenchmark}
 * (argument {@code c1}: with the CLI's JIT policy, C1 only for our classes; extra JVM options for the
 * forks in the system property {@code bench.jvmArgs}, space-separated).
 */
public final class FrontEndBenchmark {
    private static final int WARMUP = 6;
    private static final int ROUNDS = 7;

    private FrontEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--fork")) {
            fork(args[1], args.length > 2 && args[2].equals("c1"));
            return;
        }
        boolean c1 = args.length > 0 && args[0].equals("c1");
        List<Path> used = corpus();
        long bytes = 0;
        for (Path f : used) {
            bytes += Files.size(f);
        }
        double mb = bytes / 1e6;
        double[] tok = runFork("tokenize", c1);
        double[] parse = runFork("parse", c1);
        System.out.printf("files: %d, %.1f MB (JVM forks: %d warm-up rounds, median of %d)%n", used.size(), mb,
                WARMUP, ROUNDS);
        System.out.printf("ours (decode + tokenize): median %.3f s = %.1f MB/s; CPU %.3f s = %.1f MB/s%n", tok[0],
                mb / tok[0], tok[1], mb / tok[1]);
        System.out.printf("ours (decode + tokenize + parse to the AST): median %.3f s = %.1f MB/s; CPU %.3f s = %.1f MB/s%n",
                parse[0], mb / parse[0], parse[1], mb / parse[1]);
        Path python = Interpreters.find(PythonVersion.V3_11).orElse(null);
        if (python == null) {
            System.out.println("CPython 3.11 not found: no comparison");
            return;
        }
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
                + " front end (parse) %.1fx%n", c, mb / c, c / tok[0], c / parse[0]);
        System.out.printf("CPU time: CPython %.3f s = %.1f MB/s; ratio to our tokenizer %.1fx, to our front end"
                + " (parse) %.1fx%n", cc, mb / cc, cc / tok[1], cc / parse[1]);
    }

    /** The 3.11 standard library's files that our tokenizer accepts (the others are left out of every run). */
    private static List<Path> corpus() throws Exception {
        Path lib = Interpreters.stdlib(PythonVersion.V3_11).orElseThrow(() -> new IllegalStateException("no 3.11"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(lib)) {
            files = s.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages")
                    && !p.toString().contains("tokenizedata") && !p.toString().contains("bad"))
                    .sorted().collect(Collectors.toList());
        }
        List<Path> used = new ArrayList<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            try {
                new Tokenizer(SourceDecoder.decode(b, PythonVersion.V3_11, f.toString()).text(), PythonVersion.V3_11).all();
                used.add(f);
            } catch (Exception e) {
                // left out: not accepted by our tokenizer
            }
        }
        return used;
    }

    /** Runs one measurement in a new JVM; returns its median wall and CPU seconds. */
    private static double[] runFork(String what, boolean c1) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(Arrays.asList(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FrontEndBenchmark.class.getName(), "--fork", what));
        if (c1) {
            cmd.add("c1");
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("result ")) {
                    last = line;
                } else {
                    System.out.println(line);
                }
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("benchmark fork '" + what + "' failed");
        }
        String[] f = last.split(" ");
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    /** In the forked JVM: warm up, time the rounds, print "result wall cpu" (medians). */
    private static void fork(String what, boolean c1) throws Exception {
        if (c1) {
            System.out.println(io.github.pycompile.JitPolicy.applyOnce());
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<byte[]> sources = new ArrayList<>();
        for (Path f : corpus()) {
            sources.add(Files.readAllBytes(f));
        }
        boolean parse = what.equals("parse");
        double[] secs = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long tokens = 0;
            for (byte[] b : sources) {
                if (parse) {
                    try {
                        io.github.pycompile.parser.Parser311.parseModule(b, "f", PythonVersion.V3_11, w -> { });
                    } catch (io.github.pycompile.PythonError | io.github.pycompile.UnsupportedFeatureException e) {
                        // timed all the same
                    }
                } else {
                    tokens += new Tokenizer(SourceDecoder.decode(b, PythonVersion.V3_11, "f").text(), PythonVersion.V3_11)
                            .all().size();
                }
            }
            if (round >= 0) {
                secs[round] = (System.nanoTime() - t0) / 1e9;
                cpu[round] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            if (!parse && round == ROUNDS - 1) {
                System.out.printf("tokens: %d%n", tokens);
            }
        }
        Arrays.sort(secs);
        Arrays.sort(cpu);
        System.out.println("result " + secs[ROUNDS / 2] + " " + cpu[ROUNDS / 2]);
    }
}
