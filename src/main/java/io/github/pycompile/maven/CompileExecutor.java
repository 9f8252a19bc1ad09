package io.github.pycompile.maven;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.JitPolicy;
import io.github.pycompile.PyCompile;
import io.github.pycompile.PyCompileError;
import io.github.pycompile.PyOSError;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.pyc.CacheFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Compiles every file of a {@link CompileRequest} through the core's {@code py_compile} facade,
 * reporting each failure; with {@code doraise} the build fails after all files were tried.
 */
final class CompileExecutor {
    private final Log log;
    private final String sourceDateEpoch;
    private final Function<PythonVersion, ModuleCompiler> compilers;
    private final String pluginBuild;
    private BuildContext buildContext;

    CompileExecutor(Log log, String sourceDateEpoch) {
        this(log, sourceDateEpoch, Compilers::forTarget, pluginBuild());
    }

    /** With the compiler core given ({@code compilers}) and an identity of that core for the build state. */
    CompileExecutor(Log log, String sourceDateEpoch, Function<PythonVersion, ModuleCompiler> compilers,
            String pluginBuild) {
        this.log = log;
        this.sourceDateEpoch = sourceDateEpoch;
        this.compilers = compilers;
        this.pluginBuild = pluginBuild;
    }

    /** Also report messages as IDE markers and refresh written caches through {@code context} (may be null). */
    CompileExecutor reportingTo(BuildContext context) {
        this.buildContext = context;
        return this;
    }

    /** Where this plugin's classes come from and when they were built: a new build recompiles everything. */
    private static String pluginBuild() {
        try {
            Path p = Path.of(CompileExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (Exception e) {
            return "unknown@" + System.nanoTime(); // never up to date
        }
    }

    /** One file to compile: where from, where to, under which name, with which fingerprint (or null). */
    private record Job(Path source, Path cache, String dfile, String fingerprint) {}

    /** What compiling one job gave: the warnings printed, and the failure if any. */
    private record Outcome(String warnings, PyCompileError error, PyOSError osError) {}

    void execute(CompileRequest request) throws MojoExecutionException, MojoFailureException {
        Path srcRoot = request.sourceDirectory().toAbsolutePath().normalize();
        Path outRoot = request.outputDirectory().toAbsolutePath().normalize();
        CompileOptions options = new CompileOptions(request.target(), request.optimize(), request.invalidationMode());
        BuildState state = BuildState.load(request.stateFile());
        List<Job> jobs = new ArrayList<>();
        int upToDate = 0;
        for (String name : request.files()) {
            String rel = name.replace('\\', '/');
            Path source = srcRoot.resolve(rel).normalize();
            if (Path.of(rel).isAbsolute() || !source.startsWith(srcRoot)) {
                throw new MojoExecutionException("py-compile: '" + name + "' is not inside " + srcRoot);
            }
            if (!Files.isRegularFile(source)) {
                throw new MojoExecutionException("py-compile: source file not found: " + source);
            }
            String relative = srcRoot.relativize(source).toString().replace('\\', '/');
            Path cache = outRoot.resolve(CacheFiles.cacheFromSource(relative, request.target(), request.optimize()))
                    .normalize();
            if (!cache.startsWith(outRoot)) {
                throw new MojoExecutionException("py-compile: cache for '" + name + "' would be outside " + outRoot);
            }
            String dfile = request.dfilePrefix() != null
                    ? stripSlash(request.dfilePrefix()) + "/" + relative
                    : source.toString();
            String fingerprint = fingerprint(request, source, dfile);
            if (fingerprint != null && state.upToDate(cache, fingerprint)) {
                upToDate++;
                log.debug("py-compile: up to date: " + cache);
                continue;
            }
            state.forget(cache);
            jobs.add(new Job(source, cache, dfile, fingerprint));
        }

        List<Outcome> outcomes = compileAll(jobs, options);

        // Report in the order the files were configured, whatever order they finished in.
        List<String> errors = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            Outcome o = outcomes.get(i);
            logWarnings(o.warnings());
            if (buildContext != null) {
                buildContext.removeMessages(job.source().toFile());
                markWarnings(job.source(), o.warnings());
            }
            if (o.osError() != null) {
                throw new MojoExecutionException("py-compile: " + o.osError().typeName() + ": "
                        + o.osError().pythonText(), o.osError());
            }
            if (o.error() != null) {
                PyCompileError e = o.error();
                String line = job.dfile() + ":" + Math.max(e.lineno(), 0) + ":" + Math.max(e.offset(), 0) + ": "
                        + e.excTypeName() + ": " + firstLine(e);
                errors.add(line);
                log.error(line);
                log.debug(e.msg());
                if (buildContext != null) {
                    buildContext.addMessage(job.source().toFile(), Math.max(e.lineno(), 0), Math.max(e.offset(), 0),
                            e.excTypeName() + ": " + firstLine(e), BuildContext.SEVERITY_ERROR, null);
                }
                continue;
            }
            written++;
            if (buildContext != null) {
                buildContext.refresh(job.cache().toFile());
            }
            if (job.fingerprint() != null) {
                state.written(job.cache(), job.fingerprint());
            }
        }
        try {
            state.save();
        } catch (IOException e) {
            log.warn("py-compile: cannot save the build state " + request.stateFile() + ": " + e);
        }
        log.info("py-compile: " + written + " of " + request.files().size() + " file(s) compiled for CPython "
                + request.target() + " into " + outRoot
                + (upToDate > 0 ? " (" + upToDate + " up to date)" : ""));
        if (!errors.isEmpty() && request.doraise()) {
            MojoFailureException f = new MojoFailureException(request.files(),
                    "py-compile: " + errors.size() + " file(s) failed to compile; first: " + errors.get(0),
                    String.join(System.lineSeparator(), errors));
            throw f;
        }
    }

    /**
     * Compiles the jobs on all cores (the core is thread-safe; each task has its own warning stream).
     * Jobs writing the same cache file run one after the other in one task, in their configured order.
     */
    private List<Outcome> compileAll(List<Job> jobs, CompileOptions options) throws MojoExecutionException {
        Outcome[] outcomes = new Outcome[jobs.size()];
        Map<Path, List<Integer>> byCache = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            byCache.computeIfAbsent(jobs.get(i).cache(), k -> new ArrayList<>()).add(i);
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byCache.size()));
        log.debug(JitPolicy.applyOnce());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "py-compile");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (List<Integer> group : byCache.values()) {
                tasks.add(pool.submit(() -> {
                    for (int i : group) {
                        outcomes[i] = compileOne(jobs.get(i), options);
                    }
                }));
            }
            for (Future<?> t : tasks) {
                t.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("py-compile: interrupted", e);
        } catch (ExecutionException e) {
            throw new MojoExecutionException("py-compile: internal error (this is a bug): " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(outcomes);
    }

    private Outcome compileOne(Job job, CompileOptions options) {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PyCompile pyCompile = new PyCompile(compilers, new PrintStream(warnings, true, StandardCharsets.UTF_8),
                sourceDateEpoch);
        try {
            pyCompile.compileFile(job.source().toString(), job.cache().toString(), job.dfile(), true, options);
            return new Outcome(warnings.toString(StandardCharsets.UTF_8), null, null);
        } catch (PyCompileError e) {
            return new Outcome(warnings.toString(StandardCharsets.UTF_8), e, null);
        } catch (PyOSError e) {
            return new Outcome(warnings.toString(StandardCharsets.UTF_8), null, e);
        }
    }

    /** The fingerprint of this file's compilation, or null when there is no state to keep. */
    private String fingerprint(CompileRequest request, Path source, String dfile) {
        if (request.stateFile() == null) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(source);
            BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class);
            List<String> settings = List.of(pluginBuild, request.target().dotted(),
                    Integer.toString(request.optimize()), String.valueOf(request.invalidationMode()),
                    sourceDateEpoch == null || sourceDateEpoch.isEmpty() ? "-" : "SOURCE_DATE_EPOCH", dfile);
            return BuildState.fingerprint(settings, bytes, attrs);
        } catch (IOException e) {
            return null; // compiling reports the problem as CPython would
        }
    }

    /** Each {@code file:line: Category: message} line of the warnings as a marker on its line. */
    private void markWarnings(Path source, String warnings) {
        for (String w : warnings.split("\n")) {
            java.util.regex.Matcher m = WARNING.matcher(w);
            if (m.matches()) {
                buildContext.addMessage(source.toFile(), Integer.parseInt(m.group(1)), 0, m.group(2),
                        BuildContext.SEVERITY_WARNING, null);
            }
        }
    }

    private static final java.util.regex.Pattern WARNING = java.util.regex.Pattern.compile(".*:(\\d+): (\\w+: .*)");

    private void logWarnings(String warnings) {
        for (String w : warnings.split("\n")) {
            if (!w.isEmpty()) {
                log.warn(w);
            }
        }
    }

    /** The message without py_compile's source excerpt: the exception's own text. */
    private static String firstLine(PyCompileError e) {
        String msg = e.msg();
        String[] lines = msg.split("\n");
        String last = lines[lines.length - 1];
        String prefix = e.excTypeName() + ": ";
        if (last.startsWith(prefix)) {
            return last.substring(prefix.length());
        }
        if (last.startsWith("Sorry: " + prefix)) {
            return last.substring(("Sorry: " + prefix).length());
        }
        return e.excValue();
    }

    private static String stripSlash(String s) {
        String t = s.replace('\\', '/');
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
