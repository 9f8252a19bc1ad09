package io.github.pycompile;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) off this project's own classes, so that they run as C1
 * compiles them. A build compiles each source once, in a JVM that has not seen our code before: C2
 * spends far more time compiling (and recompiling, as new paths show up) the parser, code generator and
 * marshal writer than it ever saves. Measured on the 3.11 standard library (1,790 files, 2 cores, fresh
 * JVM): 8.4 s with C2, 5.0 s without; on the 13,353 files of the standard library and site-packages
 * 31.2 s against 17.7 s. Other classes of the JVM (Maven's own, other plugins) keep C2.
 *
 * <p>The directive goes through HotSpot's {@code DiagnosticCommand} MBean ({@code jcmd
 * Compiler.directives_add}); on a JVM without it nothing happens. {@code -Dpycompile.jit=default} leaves
 * the JVM's choice alone.
 */
public final class JitPolicy {
    private static boolean applied;

    private JitPolicy() {}

    /**
     * Applies the policy once per JVM (later calls do nothing).
     *
     * @return a line saying what was done, for a debug log
     */
    public static synchronized String applyOnce() {
        if (applied) {
            return "JIT policy already applied";
        }
        applied = true;
        if ("default".equals(System.getProperty("pycompile.jit"))) {
            return "JIT policy: left to the JVM (-Dpycompile.jit=default)";
        }
        Path file = null;
        try {
            file = Files.createTempFile("pycompile-jit", ".json");
            Files.writeString(file, "[{ match: \"io/github/pycompile/*.*\", c2: { Exclude: true } }]",
                    StandardCharsets.US_ASCII);
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return "JIT policy: C1 only for io.github.pycompile (" + String.valueOf(out).trim() + ")";
        } catch (Exception | LinkageError e) {
            return "JIT policy: not applied (" + e + ")";
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file of a few bytes; the OS cleans it up
                }
            }
        }
    }
}
