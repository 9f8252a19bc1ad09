package io.github.pycompile.bench;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints why the core refuses the files of a target's standard library (and site-packages with
 * {@code all}): the first construct each refused file hits, counted — the work list for coverage.
 * {@code java -cp ... io.github.pycompile.bench.RefusalCensus [X.Y] [all]}; with {@code -Dcensus.show=TEXT}
 * also the files refused for a construct containing TEXT.
 */
public final class RefusalCensus {
    private RefusalCensus() {}

    public static void main(String[] args) throws Exception {
        PythonVersion v = args.length > 0 ? PythonVersion.parse(args[0]).orElseThrow() : PythonVersion.V3_11;
        List<Path> files = new ArrayList<>(Interpreters.stdlibSources(v));
        if (args.length > 1 && args[1].equals("all")) {
            files.addAll(Interpreters.sitePackagesSources(v));
        }
        ModuleCompiler core = Compilers.forTarget(v);
        Map<String, Integer> reasons = new TreeMap<>();
        int compiled = 0;
        int errors = 0;
        for (Path f : files) {
            try {
                core.compile(Files.readAllBytes(f), f.toString(), new CompileOptions(v, 0, null));
                compiled++;
            } catch (UnsupportedFeatureException e) {
                reasons.merge(e.construct(), 1, Integer::sum);
                String show = System.getProperty("census.show");
                if (show != null && e.construct().contains(show)) {
                    System.out.println("  " + f + ":" + e.lineno() + ": " + e.construct());
                }
            } catch (PythonError e) {
                errors++;
            } catch (RuntimeException e) {
                reasons.merge("INTERNAL " + e, 1, Integer::sum);
            }
        }
        System.out.printf("%s: %d files: %d compiled, %d errors, %d refused%n", v, files.size(), compiled, errors,
                files.size() - compiled - errors);
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
    }
}
