package io.github.pycompile.bench;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PyCompile;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whole-pipeline throughput of the compiler core on a target's standard library, beside that
 * CPython's own {@code compile()} (single thread, in-process) and {@code python -m compileall -f -q -j0}
 * (all cores, writing caches) on the same files, in the same run. A program, not a test; prints
 * medians of several runs after warm-up:
 *
 * <pre>mvn -q test-compile && mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt && \
 *     java -cp "target/classes:target/test-classes:$(cat /tmp/cp.txt)" \
 *     io.github.pycompile.bench.PipelineBenchmark [X.Y]</pre>
 *
 * Only the files our core compiles are measured (the count is printed), so the ratio is like for like.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        PythonVersion v = args.length > 0 ? PythonVersion.parse(args[0]).orElseThrow() : PythonVersion.V3_11;
        Path python = Interpreters.find(v).orElseThrow(() -> new IllegalStateException("no CPython " + v + " here"));
        ModuleCompiler core = Compilers.forTarget(v);
        CompileOptions options = new CompileOptions(v, 0, null);
        List<Path> all = Interpreters.stdlibSources(v);
        List<Path> used = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        long bytes = 0;
        for (Path f : all) {
            byte[] b = Files.readAllBytes(f);
            try {
                core.compile(b, f.toString(), options);
                used.add(f);
                sources.add(b);
                bytes += b.length;
            } catch (Exception e) {
                // refused or rejected: not measured
            }
        }
        double mb = bytes / 1e6;
        System.out.printf("CPython %s standard library: %d of %d files compiled by our core, %.1f MB%n", v, used.size(),
                all.size(), mb);
        if (used.isEmpty()) {
            return;
        }
        // 1. single thread, in memory: our core vs CPython's compile()
        double[] secs = new double[5];
        for (int round = -3; round < secs.length; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < sources.size(); i++) {
                core.compile(sources.get(i), used.get(i).toString(), options);
            }
            if (round >= 0) {
                secs[round] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(secs);
        String list = used.stream().map(Path::toString).collect(Collectors.joining("\n"));
        var r = Python.exec(List.of(python.toString(), "-c", String.join("\n",
                "import sys, time",
                "names = sys.stdin.read().splitlines()",
                "srcs = [open(p, 'rb').read() for p in names]",
                "ts = []",
                "for _ in range(3):",
                "    t = time.perf_counter()",
                "    for n, s in zip(names, srcs):",
                "        try:",
                "            compile(s, n, 'exec', dont_inherit=True)",
                "        except (SyntaxError, ValueError):",
                "            pass  # a file CPython rejects that our core accepted: timed all the same",
                "    ts.append(time.perf_counter() - t)",
                "print(sorted(ts)[1])")), null, list);
        if (r.status() != 0) {
            throw new IllegalStateException(r.err());
        }
        double c = Double.parseDouble(r.out().trim());
        System.out.printf("single thread, in memory: ours median %.3f s (%.0f files/s, %.1f MB/s); CPython compile() %.3f s"
                + " (%.1f MB/s); ratio %.1fx%n", secs[2], used.size() / secs[2], mb / secs[2], c, mb / c, c / secs[2]);

        // 2. all cores, writing cache files: ours (thread pool over PyCompile) vs compileall -j0
        int cores = Runtime.getRuntime().availableProcessors();
        double[] ours = new double[3];
        double[] theirs = new double[3];
        for (int round = -1; round < 3; round++) {
            Path tree = copy(used);
            long t0 = System.nanoTime();
            compileAll(tree, v, cores);
            double t = (System.nanoTime() - t0) / 1e9;
            delete(tree);
            Path tree2 = copy(used);
            var cr = Python.exec(List.of(python.toString(), "-c", String.join("\n",
                    "import subprocess, sys, time",
                    "t = time.perf_counter()",
                    "subprocess.run([sys.executable, '-m', 'compileall', '-f', '-q', '-j0', sys.argv[1]])  # status 1: some file rejected",
                    "print(time.perf_counter() - t)"), tree2.toString()), null, null);
            delete(tree2);
            if (cr.status() != 0) {
                throw new IllegalStateException(cr.err());
            }
            if (round >= 0) {
                ours[round] = t;
                theirs[round] = Double.parseDouble(cr.out().trim().lines().reduce((a, b) -> b).orElseThrow());
            }
        }
        Arrays.sort(ours);
        Arrays.sort(theirs);
        System.out.printf("%d cores, writing caches: ours median %.3f s (%.0f files/s); python -m compileall -f -j0 %.3f s"
                + " (%.0f files/s, incl. interpreter start-up); ratio %.1fx%n", cores, ours[1], used.size() / ours[1],
                theirs[1], used.size() / theirs[1], theirs[1] / ours[1]);
    }

    private static void compileAll(Path tree, PythonVersion v, int threads) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(tree)) {
            files = s.filter(p -> p.toString().endsWith(".py")).collect(Collectors.toList());
        }
        PyCompile pc = new PyCompile(Compilers::forTarget, new PrintStream(new ByteArrayOutputStream()), null);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) {
                fs.add(pool.submit(() -> pc.compileFile(f.toString(), null, null, false, new CompileOptions(v, 0, null))));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Path copy(List<Path> files) throws Exception {
        Path dir = Files.createTempDirectory("pycompile-bench");
        int i = 0;
        for (Path f : files) {
            Path d = dir.resolve("d" + (i++ / 100)).resolve(f.getFileName().toString());
            Files.createDirectories(d.getParent());
            if (!Files.exists(d)) {
                Files.copy(f, d);
            } else {
                Files.copy(f, d.resolveSibling(i + "_" + f.getFileName()));
            }
        }
        return dir;
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
