package io.github.pycompile.bench;

import java.lang.management.*;
import java.lang.reflect.Method;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/**
 * A/B timing of two builds of the front end on a shared, noisy machine: each build's classes in its
 * own class loader, rounds alternating between them (so a change of load hits both), thread CPU time
 * per round of parsing CPython 3.11's standard library with {@code Parser311}, medians after warm-up.
 * A program, not a test: {@code java -cp target/test-classes io.github.pycompile.bench.FrontEndAB
 * <classes dir A> <classes dir B> <rounds> [c1]} (the dirs end with {@code /}; {@code c1}: the CLI's JIT
 * policy, C1 only for our classes). Build A from another commit with {@code git archive} + {@code javac}.
 */
public final class FrontEndAB {
    private FrontEndAB() {}

    public static void main(String[] a) throws Exception {
        Path lib = Path.of(System.getProperty("user.home"), ".pyenv/versions/3.11.7/lib/python3.11");
        List<Path> files;
        try (Stream<Path> s = Files.walk(lib)) {
            files = s.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages")
                    && !p.toString().contains("tokenizedata") && !p.toString().contains("bad")).sorted().collect(Collectors.toList());
        }
        List<byte[]> src = new ArrayList<>(); long bytes = 0;
        for (Path f : files) { byte[] b = Files.readAllBytes(f); src.add(b); bytes += b.length; }
        int n = 2;
        Method[] parse = new Method[n]; Object[] ver = new Object[n];
        for (int k = 0; k < n; k++) {
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(a[k]).toUri().toURL()}, FrontEndAB.class.getClassLoader().getParent());
            Class<?> p = cl.loadClass("io.github.pycompile.parser.Parser311");
            Class<?> v = cl.loadClass("io.github.pycompile.target.PythonVersion");
            ver[k] = v.getField("V3_11").get(null);
            parse[k] = p.getMethod("parseModule", byte[].class, String.class, v, java.util.function.Consumer.class);
        }
        if (a.length > 3) System.out.println(new URLClassLoader(new URL[] {Path.of(a[1]).toUri().toURL()}, null).loadClass("io.github.pycompile.JitPolicy").getMethod("applyOnce").invoke(null));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int rounds = Integer.parseInt(a[2]);
        double[][] t = new double[n][rounds];
        java.util.function.Consumer<Object> none = w -> {};
        for (int r = -3; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (byte[] b : src) {
                    try { parse[k].invoke(null, b, "f", ver[k], none); } catch (Exception e) { }
                }
                double s = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                if (r >= 0) t[k][r] = s;
            }
            if (r >= 0) System.out.printf("round %d: A %.3f B %.3f%n", r, t[0][r], t[1][r]);
        }
        for (int k = 0; k < n; k++) Arrays.sort(t[k]);
        System.out.printf("median A %.3f s (%.1f MB/s), B %.3f s (%.1f MB/s), A/B %.2fx%n", t[0][rounds/2], bytes/1e6/t[0][rounds/2], t[1][rounds/2], bytes/1e6/t[1][rounds/2], t[0][rounds/2]/t[1][rounds/2]);
    }
}
