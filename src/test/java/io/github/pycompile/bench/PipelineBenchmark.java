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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * medians of several runs after warm-up (wall and, single-threaded, CPU time; all cores both in this
 * warm JVM and in a fresh one, whose start-up and JIT warm-up are then included):
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
        if (args.length == 3 && args[0].equals("--compile-tree")) {
            PythonVersion tv = PythonVersion.parse(args[2]).orElseThrow();
            io.github.pycompile.JitPolicy.applyOnce(); // as the CLI and the Mojo do
            compileAll(Path.of(args[1]), tv, Runtime.getRuntime().availableProcessors());
            return;
        }
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
        // 1. single thread, in memory: our core vs CPython's compile(); wall and CPU time (the CPU time
        // of the compiling thread is steadier when other work shares the machine)
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] secs = new double[5];
        double[] cpu = new double[secs.length];
        for (int round = -3; round < secs.length; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < sources.size(); i++) {
                core.compile(sources.get(i), used.get(i).toString(), options);
            }
            if (round >= 0) {
                secs[round] = (System.nanoTime() - t0) / 1e9;
                cpu[round] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
        Arrays.sort(secs);
        Arrays.sort(cpu);
        String list = used.stream().map(Path::toString).collect(Collectors.joining("\n"));
        var r = Python.exec(List.of(python.toString(), "-c", String.join("\n",
                "import sys, time",
                "names = sys.stdin.read().splitlines()",
                "srcs = [open(p, 'rb').read() for p in names]",
                "ts, cs = [], []",
                "for _ in range(1 + 5):  # one warm-up round, then five timed, as ours",
                "    t, c = time.perf_counter(), time.process_time()",
                "    for n, s in zip(names, srcs):",
                "        try:",
                "            compile(s, n, 'exec', dont_inherit=True)",
                "        except (SyntaxError, ValueError):",
                "            pass  # a file CPython rejects that our core accepted: timed all the same",
                "    ts.append(time.perf_counter() - t)",
                "    cs.append(time.process_time() - c)",
                "print(sorted(ts[1:])[2], sorted(cs[1:])[2])")), null, list);
        if (r.status() != 0) {
            throw new IllegalStateException(r.err());
        }
        String[] cr0 = r.out().trim().split(" ");
        double c = Double.parseDouble(cr0[0]);
        double cc = Double.parseDouble(cr0[1]);
        System.out.printf("single thread, in memory (medians of 5 after warm-up): ours %.3f s wall (%.0f files/s,"
                + " %.2f MB/s), %.3f s CPU; CPython compile() %.3f s wall (%.0f files/s, %.2f MB/s), %.3f s CPU;"
                + " ratio (CPython time / ours) %.2fx wall, %.2fx CPU%n", secs[2], used.size() / secs[2],
                mb / secs[2], cpu[2], c, used.size() / c, mb / c, cc, c / secs[2], cc / cpu[2]);

        // 2. all cores, writing cache files: ours (a thread pool over PyCompile, one task per file, as the
        // Mojo runs) vs compileall -j0, each round on a fresh copy of the same files. "in-process": our
        // compile-all in this warm JVM; "fresh JVM": a new java process compiling the tree, timed from
        // here, so JVM start-up and JIT warm-up included, as compileall's includes its interpreters' start.
        int cores = Runtime.getRuntime().availableProcessors();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        double startup = Double.MAX_VALUE;
        int rounds = 3;
        double[] ours = new double[rounds];
        double[] cold = new double[rounds];
        double[] coldC2 = new double[rounds];
        double[] theirs = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            Path tree = copy(used);
            long t0 = System.nanoTime();
            compileAll(tree, v, cores);
            double t = (System.nanoTime() - t0) / 1e9;
            delete(tree);
            Path tree1 = copy(used);
            t0 = System.nanoTime();
            var jr = Python.exec(List.of(java, "-cp", cp, PipelineBenchmark.class.getName(), "--compile-tree",
                    tree1.toString(), v.dotted()), null, null);
            double tc = (System.nanoTime() - t0) / 1e9;
            delete(tree1);
            if (jr.status() != 0) {
                throw new IllegalStateException(jr.err());
            }
            Path tree3 = copy(used);
            t0 = System.nanoTime();
            var jr2 = Python.exec(List.of(java, "-Dpycompile.jit=default", "-cp", cp, PipelineBenchmark.class.getName(),
                    "--compile-tree", tree3.toString(), v.dotted()), null, null);
            double tc2 = (System.nanoTime() - t0) / 1e9;
            delete(tree3);
            if (jr2.status() != 0) {
                throw new IllegalStateException(jr2.err());
            }
            Path empty = Files.createTempDirectory("pycompile-bench");
            t0 = System.nanoTime();
            Python.exec(List.of(java, "-cp", cp, PipelineBenchmark.class.getName(), "--compile-tree",
                    empty.toString(), v.dotted()), null, null);
            startup = Math.min(startup, (System.nanoTime() - t0) / 1e9);
            delete(empty);
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
                cold[round] = tc;
                coldC2[round] = tc2;
                theirs[round] = Double.parseDouble(cr.out().trim().lines().reduce((a, b) -> b).orElseThrow());
            }
        }
        Arrays.sort(ours);
        Arrays.sort(cold);
        Arrays.sort(coldC2);
        Arrays.sort(theirs);
        int m = rounds / 2;
        System.out.printf("%d cores, writing caches (medians of %d after warm-up): python -m compileall -f -j0 %.3f s"
                + " (%.0f files/s, incl. interpreter start-up)%n", cores, rounds, theirs[m], used.size() / theirs[m]);
        System.out.printf("  ours in-process, warm JVM: %.3f s (%.0f files/s, %.2f MB/s); ratio %.2fx%n", ours[m],
                used.size() / ours[m], mb / ours[m], theirs[m] / ours[m]);
        System.out.printf("  ours fresh JVM, start-up and JIT warm-up included: %.3f s (%.0f files/s); ratio %.2fx"
                + " (JVM start-up alone, best: %.3f s)%n", cold[m], used.size() / cold[m], theirs[m] / cold[m], startup);
        System.out.printf("  ours fresh JVM without our JIT policy (-Dpycompile.jit=default, C2 on our classes): %.3f s;"
                + " ratio %.2fx%n", coldC2[m], theirs[m] / coldC2[m]);
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
