package io.github.pycompile.testsupport;

import io.github.pycompile.target.PythonVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the real CPython interpreters differential tests compare against: pyenv installs
 * ({@code $PYENV_ROOT/versions/X.Y.Z/bin/pythonX.Y}, default root {@code ~/.pyenv}), or
 * {@code pythonX.Y} named by the system property/environment variable {@code PYCOMPILE_PYTHON_X_Y}.
 * Tests call {@link #require(PythonVersion)}, which skips the test with a message naming the
 * missing interpreter, so the build passes on a machine with no Python at all.
 */
public final class Interpreters {
    private static final Map<PythonVersion, Optional<Path>> CACHE = new ConcurrentHashMap<>();

    private Interpreters() {}

    /** The interpreter for {@code v}, if installed here. 3.14 and 2.6 have none (see {@link Pyodide}). */
    public static Optional<Path> find(PythonVersion v) {
        return CACHE.computeIfAbsent(v, Interpreters::lookup);
    }

    /** The interpreter for {@code v}, or a JUnit assumption failure that says why the test is skipped. */
    public static Path require(PythonVersion v) {
        Optional<Path> p = find(v);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                p.isPresent(),
                () -> "skipped: no CPython " + v + " interpreter here (looked in " + pyenvRoot()
                        + "/versions and PYCOMPILE_PYTHON_" + v.major() + "_" + v.minor() + ")");
        return p.get();
    }

    public static Path pyenvRoot() {
        String root = System.getenv("PYENV_ROOT");
        return root != null && !root.isEmpty()
                ? Path.of(root)
                : Path.of(System.getProperty("user.home"), ".pyenv");
    }

    private static Optional<Path> lookup(PythonVersion v) {
        String key = "PYCOMPILE_PYTHON_" + v.major() + "_" + v.minor();
        String explicit = System.getProperty(key, System.getenv(key));
        if (explicit != null && !explicit.isEmpty()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Path versions = pyenvRoot().resolve("versions");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        String prefix = v.dotted() + ".";
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .map(d -> d.resolve("bin").resolve("python" + v.dotted()))
                    .filter(Files::isExecutable)
                    .reduce((a, b) -> b); // the newest patch release
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The interpreter's standard library directory ({@code lib/pythonX.Y}). */
    public static Optional<Path> stdlib(PythonVersion v) {
        return find(v).map(py -> py.getParent().getParent().resolve("lib").resolve("python" + v.dotted()))
                .filter(Files::isDirectory);
    }

    /**
     * The cache files the installed CPython {@code v} wrote for its standard library (2.x: {@code .pyc}
     * and {@code .pyo} beside the sources; 3.x: {@code __pycache__/*.cpython-3N*.pyc}), sorted.
     */
    public static List<Path> stdlibCaches(PythonVersion v) throws IOException {
        Path lib = stdlib(v).orElseThrow(() -> new IllegalStateException("no standard library for " + v));
        String tag = v.cacheTag().map(t -> "." + t).orElse("");
        try (Stream<Path> s = Files.walk(lib)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                if (v.isPython2()) {
                    return n.endsWith(".pyc") || n.endsWith(".pyo");
                }
                return n.endsWith(".pyc") && n.contains(tag) && p.getParent().getFileName().toString().equals("__pycache__");
            }).sorted().collect(Collectors.toList());
        }
    }

    /** The {@code .py} files of {@code v}'s standard library (without site-packages), sorted. */
    public static List<Path> stdlibSources(PythonVersion v) throws IOException {
        Path lib = stdlib(v).orElseThrow(() -> new IllegalStateException("no standard library for " + v));
        try (Stream<Path> s = Files.walk(lib)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".py") && !lib.relativize(p).startsWith("site-packages"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The {@code .py} files of {@code v}'s site-packages (3.11 has 13,000+), sorted; empty if none. */
    public static List<Path> sitePackagesSources(PythonVersion v) throws IOException {
        Path sp = stdlib(v).orElseThrow(() -> new IllegalStateException("no standard library for " + v)).resolve("site-packages");
        if (!Files.isDirectory(sp)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(sp)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().collect(Collectors.toList());
        }
    }

    /**
     * {@code files} itself with -Dpycompile.corpus=full; otherwise about {@code size} evenly spread.
     * With {@code -Dpycompile.contains=TEXT} only the files whose source contains TEXT are kept (and
     * then not sampled): a quick rerun of the differential tests on the files a change concerns.
     */
    public static List<Path> sampled(List<Path> files, int size) {
        String contains = System.getProperty("pycompile.contains", "");
        if (!contains.isEmpty()) {
            byte[] needle = contains.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<Path> kept = new ArrayList<>();
            for (Path f : files) {
                try {
                    byte[] text = Files.readAllBytes(f);
                    if (indexOf(text, needle) >= 0) {
                        kept.add(f);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return kept;
        }
        if (fullCorpus()) {
            return files;
        }
        List<Path> sample = new ArrayList<>();
        int step = Math.max(1, files.size() / size);
        for (int i = 0; i < files.size(); i += step) {
            sample.add(files.get(i));
        }
        return sample;
    }

    /**
     * A process running {@code script} with {@code args} under CPython {@code v}: the pyenv interpreter
     * (UTF-8 I/O), or for 3.14 pyodide under node (scripts then read host paths under {@code /host}:
     * {@code scripts/golden/run_in_pyodide_host.mjs}). Skips the calling test when {@code v} is absent.
     */
    public static ProcessBuilder scriptProcess(PythonVersion v, Path script, List<String> interpreterFlags,
            List<String> args) {
        List<String> cmd = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (v == PythonVersion.V3_14 && find(v).isEmpty()) {
            Path dir = Pyodide.require();
            cmd.add("node");
            cmd.add(Path.of("scripts", "golden", "run_in_pyodide_host.mjs").toAbsolutePath().toString());
            pb.directory(dir.toFile());
        } else {
            cmd.add(require(v).toString());
            if (!v.isPython2()) {
                cmd.add("-X");
                cmd.add("utf8");
            }
            cmd.addAll(interpreterFlags);
        }
        cmd.add(script.toAbsolutePath().toString());
        cmd.addAll(args);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONHASHSEED", "0");
        return pb;
    }

    /** The shared material ({@code ../shared}): oracle outputs and tools; empty when absent. */
    public static Optional<Path> shared() {
        String prop = System.getProperty("pycompile.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** True when tests should walk whole corpora rather than a sample ({@code -Dpycompile.corpus=full}). */
    public static boolean fullCorpus() {
        return "full".equals(System.getProperty("pycompile.corpus"));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
