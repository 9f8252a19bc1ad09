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
 * second measurement would depend on the first. Each fork warms up over the whole corpus for at least
 * {@value #WARMUP} rounds and 20 seconds (JMH's default warm-up is five 10-second iterations; on two cores
 * the JIT's second tier takes that long to compile the parser's hot methods) and until its round times
 * are steady, then times {@value #ROUNDS}.
 * The comparison is repeated ({@value #REPEATS} times by default): each repetition runs CPython's
 * {@code compile()} for two rounds right before one parse fork of ours and two right after, and takes the
 * ratio of the medians; the median ratio is reported, with the lowest and highest, since the speed of a
 * shared machine drifts over minutes.
 *
 * <p>A program, not a test; after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<test classpath> io.github.pycompile.bench.FrontEndBenchmark}
 * (argument {@code c1}: with the CLI's JIT policy, C1 only for our classes; extra JVM options for the
 * forks in the system property {@code bench.jvmArgs}, space-separated).
 */
public final class FrontEndBenchmark {
    /** Warm-up: at least this many rounds over the corpus... */
    private static final int WARMUP = 6;
    /** ... and at least this long, so that the JIT's second tier has compiled the hot code (on 2 cores it lags). */
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmupSeconds", "20"));
    /**
     * ... and until the JIT has settled: the CPU times of the last {@value #STEADY_ROUNDS} rounds within
     * {@value #STEADY_SPREAD} of each other (a fork may take a minute to get there: on 2 cores the second
     * tier recompiles the parser's rules after the first error-pass sources of each round), at most
     * {@value #WARMUP_CAP_SECONDS} s.
     */
    private static final int STEADY_ROUNDS = 4;
    private static final double STEADY_SPREAD = 1.05;
    private static final double WARMUP_CAP_SECONDS = 120;
    private static final int ROUNDS = 9;
    /** Repetitions of the comparison with CPython (system property {@code bench.repeats}). */
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);

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
        System.out.printf("files: %d, %.1f MB (JVM forks: warm-up of at least %d rounds and %.0f s, median of %d)%n",
                used.size(), mb, WARMUP, WARMUP_SECONDS, ROUNDS);
        double[] tok = runFork("tokenize", c1);
        System.out.printf("ours (decode + tokenize): median %.3f s = %.1f MB/s; CPU %.3f s = %.1f MB/s%n", tok[0],
                mb / tok[0], tok[1], mb / tok[1]);
        Path python = Interpreters.find(PythonVersion.V3_11).orElse(null);
        // the machine is shared: its speed drifts over minutes. Each repetition measures CPython's
        // compile() right before and after one fork of ours, and gives a ratio; the median ratio is reported
        int repeats = python == null ? 1 : REPEATS;
        double[] ratios = new double[repeats];
        double[] cpuRatios = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            List<double[]> cpython = new ArrayList<>();
            if (python != null) {
                cpython.addAll(cpythonRounds(python, used, 2));
            }
            double[] parse = runFork("parse", c1);
            System.out.printf("repetition %d: ours (decode + tokenize + parse to the AST): median %.3f s = %.1f MB/s;"
                    + " CPU %.3f s = %.1f MB/s%n", k + 1, parse[0], mb / parse[0], parse[1], mb / parse[1]);
            if (python == null) {
                System.out.println("CPython 3.11 not found: no comparison");
                return;
            }
            cpython.addAll(cpythonRounds(python, used, 2));
            double c = median(cpython, 0);
            double cc = median(cpython, 1);
            ratios[k] = c / parse[0];
            cpuRatios[k] = cc / parse[1];
            System.out.printf("repetition %d: CPython 3.11 compile(): median of %d rounds (half before, half after ours)"
                    + " %.3f s = %.1f MB/s, CPU %.3f s = %.1f MB/s; ratio to our front end %.1fx (CPU %.1fx);"
                    + " to our tokenizer %.1fx%n", k + 1, cpython.size(), c, mb / c, cc, mb / cc, ratios[k], cpuRatios[k],
                    c / tok[0]);
        }
        Arrays.sort(ratios);
        Arrays.sort(cpuRatios);
        System.out.printf("front end vs CPython 3.11 compile(), median of %d repetitions: %.1fx (CPU time %.1fx);"
                + " lowest %.1fx, highest %.1fx%n", repeats, ratios[repeats / 2], cpuRatios[repeats / 2], ratios[0],
                ratios[repeats - 1]);
    }

    private static double median(List<double[]> rounds, int k) {
        double[] v = rounds.stream().mapToDouble(r -> r[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** {@code rounds} rounds of CPython's compile() over the corpus: each round's wall and CPU seconds. */
    private static List<double[]> cpythonRounds(Path python, List<Path> used, int rounds) throws Exception {
        var r = Python.exec(List.of(python.toString(), "-c", String.join("\n",
                "import sys, time",
                "srcs = [open(p, 'rb').read() for p in sys.stdin.read().splitlines()]",
                "for _ in range(" + rounds + "):",
                "    t, c = time.perf_counter(), time.process_time()",
                "    for s in srcs:",
                "        try: compile(s, 'f', 'exec')",
                "        except SyntaxError: pass",
                "    print(time.perf_counter() - t, time.process_time() - c)")), null,
                used.stream().map(Path::toString).collect(Collectors.joining("\n")));
        if (r.status() != 0) {
            throw new IllegalStateException(r.err());
        }
        List<double[]> out = new ArrayList<>();
        for (String line : r.out().trim().split("\n")) {
            String[] f = line.trim().split(" ");
            out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        return out;
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
        long warmupStart = System.nanoTime();
        long warmupEnd = warmupStart + (long) (WARMUP_SECONDS * 1e9);
        long warmupCap = warmupStart + (long) (WARMUP_CAP_SECONDS * 1e9);
        int warmupRounds = 0;
        double[] recent = new double[STEADY_ROUNDS];
        while (true) {
            long c0 = mx.getCurrentThreadCpuTime();
            round(sources, parse);
            recent[warmupRounds % STEADY_ROUNDS] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            warmupRounds++;
            long now = System.nanoTime();
            boolean steady = warmupRounds >= STEADY_ROUNDS
                    && Arrays.stream(recent).max().getAsDouble() <= STEADY_SPREAD * Arrays.stream(recent).min().getAsDouble();
            if (warmupRounds >= WARMUP && now >= warmupEnd && steady || now >= warmupCap) {
                break;
            }
        }
        double[] secs = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long tokens = round(sources, parse);
            secs[round] = (System.nanoTime() - t0) / 1e9;
            cpu[round] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            if (!parse && round == ROUNDS - 1) {
                System.out.printf("tokens: %d%n", tokens);
            }
        }
        System.out.printf("%s fork: %d warm-up rounds, %.0f s%n", what, warmupRounds, (System.nanoTime() - warmupStart) / 1e9);
        Arrays.sort(secs);
        Arrays.sort(cpu);
        System.out.println("result " + secs[ROUNDS / 2] + " " + cpu[ROUNDS / 2]);
    }

    /** One round over the corpus: parse each source, or decode and tokenize it (then: the number of tokens). */
    private static long round(List<byte[]> sources, boolean parse) {
        long tokens = 0;
        for (byte[] b : sources) {
            try {
                if (parse) {
                    io.github.pycompile.parser.Parser311.parseModule(b, "f", PythonVersion.V3_11, w -> { });
                } else {
                    // set up as the parser sets it up
                    SourceDecoder.DecodedSource d = SourceDecoder.decode(b, PythonVersion.V3_11, "f");
                    tokens += new Tokenizer(d.text(), PythonVersion.V3_11, "f", d.declared(), d.ascii()).all().size();
                }
            } catch (io.github.pycompile.PythonError | io.github.pycompile.UnsupportedFeatureException e) {
                // timed all the same
            }
        }
        return tokens;
    }
}
