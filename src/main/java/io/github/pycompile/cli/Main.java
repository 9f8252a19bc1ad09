package io.github.pycompile.cli;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.InvalidationMode;
import io.github.pycompile.JitPolicy;
import io.github.pycompile.PyCompile;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code java -jar py-compile-maven-plugin.jar [--target X.Y] [-O|-OO]
 * [--invalidation-mode timestamp|checked-hash|unchecked-hash] [py_compile args...]}: behaves as
 * {@code pythonX.Y [-O|-OO] -m py_compile ...} of the target. Options of our own come first; the
 * rest ({@code -q}, file names, {@code -}) is what that version's {@code py_compile.main} receives.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        JitPolicy.applyOnce();
        System.exit(run(args));
    }

    static int run(String[] args) {
        PythonVersion target = PythonVersion.DEFAULT;
        int optimize = 0;
        InvalidationMode mode = null;
        List<String> rest = new ArrayList<>();
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--target") || a.startsWith("--target=")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (++i < args.length ? args[i] : "");
                Optional<PythonVersion> p = PythonVersion.parse(v);
                if (p.isEmpty()) {
                    System.err.println("py-compile: unsupported target '" + v + "'; supported: " + supported());
                    return 2;
                }
                target = p.get();
            } else if (a.equals("-O")) {
                optimize = Math.max(optimize, 1);
            } else if (a.equals("-OO")) {
                optimize = 2;
            } else if (a.equals("--invalidation-mode") || a.startsWith("--invalidation-mode=")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (++i < args.length ? args[i] : "");
                mode = Arrays.stream(InvalidationMode.values()).filter(m -> m.cliName().equals(v)).findFirst()
                        .orElse(null);
                if (mode == null) {
                    System.err.println("py-compile: invalid --invalidation-mode '" + v
                            + "'; choose timestamp, checked-hash or unchecked-hash");
                    return 2;
                }
            } else {
                break;
            }
        }
        rest.addAll(Arrays.asList(args).subList(i, args.length));
        CompileOptions options = new CompileOptions(target, optimize, mode);
        return PyCompile.standard().main(rest, options, System.in, System.out);
    }

    private static String supported() {
        return Arrays.stream(PythonVersion.values()).map(PythonVersion::dotted).collect(Collectors.joining(", "));
    }
}
