package io.github.pycompile.maven;

import io.github.pycompile.InvalidationMode;
import io.github.pycompile.target.PythonVersion;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the configured Python source files into CPython byte-code caches, byte for byte as the
 * target CPython's {@code py_compile} writes them, without a Python interpreter.
 *
 * <p>The Mojo only gathers and checks its parameters; {@link CompileExecutor} does the work on an
 * immutable {@link CompileRequest}.
 *
 * @since 0.1.0
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractMojo {

    /**
     * The directory the configured {@link #files} are relative to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.sourceDirectory", defaultValue = "${project.basedir}/src/main/python", required = true)
    private File sourceDirectory;

    /**
     * The source files to compile, relative to {@link #sourceDirectory}, e.g. {@code app/main.py}.
     * Exactly these files are compiled, as {@code python -m py_compile FILE...} does: there is no
     * directory search. A listed file that does not exist, or a path leading outside
     * {@code sourceDirectory}, fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.files")
    private List<String> files;

    /**
     * Where the caches are written. Each lands at the target's default place for the file's relative
     * path: {@code app/__pycache__/main.cpython-311.pyc} (3.x, {@code .opt-N} when optimizing) or
     * {@code app/main.pyc} / {@code app/main.pyo} (2.x). By default the project's class output, so
     * that {@code mvn package} carries the caches into the artifact.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.outputDirectory", defaultValue = "${project.build.outputDirectory}", required = true)
    private File outputDirectory;

    /**
     * The CPython version whose caches are written: one of 2.6, 2.7, 3.6 to 3.14.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.target", defaultValue = "3.14")
    private String target;

    /**
     * The optimization level, as {@code python -O} (1: asserts and {@code __debug__} blocks removed)
     * and {@code -OO} (2: docstrings removed too). 0 by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.optimize", defaultValue = "0")
    private int optimize;

    /**
     * The directory the sources will be installed in, used in place of {@link #sourceDirectory} in
     * {@code co_filename} and in messages — as {@code py_compile}'s {@code dfile} — so tracebacks of
     * a shared install name the installed files, e.g. {@code /opt/app/lib}. By default the source
     * file's own path.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.dfilePrefix")
    private String dfilePrefix;

    /**
     * As {@code py_compile}'s {@code doraise}: when false (the default) a file that does not compile is
     * reported as an error in the log and the build goes on; when true, every file is still compiled,
     * then the build fails naming each error as {@code path:line:col: Type: message}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.doraise", defaultValue = "false")
    private boolean doraise;

    /**
     * How 3.7+ caches record that they are up to date (PEP 552): {@code timestamp},
     * {@code checked-hash} or {@code unchecked-hash}. By default as {@code py_compile}: checked-hash when
     * the environment sets {@code SOURCE_DATE_EPOCH}, timestamp otherwise. Ignored for 2.x and 3.6.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.invalidationMode")
    private String invalidationMode;

    /**
     * Compile only what changed since the previous run: a cache is rewritten when its source, the
     * settings that shape it ({@code target}, {@code optimize}, {@code invalidationMode},
     * {@code dfilePrefix}, {@code SOURCE_DATE_EPOCH}) or this plugin changed, or when the cache file
     * itself was touched or deleted. The state is kept under
     * {@code ${project.build.directory}/maven-status/py-compile/}. Set to false to compile every file
     * on every run, as {@code python -m py_compile} does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.incremental", defaultValue = "true")
    private boolean incremental = true;

    /** Where the incremental state of each execution is kept. */
    @Parameter(defaultValue = "${project.build.directory}/maven-status/py-compile", readonly = true)
    private File statusDirectory;

    /** The execution (its id names the state file). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private org.apache.maven.plugin.MojoExecution mojoExecution;

    /** The IDE's view of the build (m2e): markers on sources, refresh of written caches. */
    @org.apache.maven.plugins.annotations.Component
    private org.sonatype.plexus.build.incremental.BuildContext buildContext;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pycompile.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("py-compile: skipped");
            return;
        }
        if (files == null || files.isEmpty()) {
            getLog().info("py-compile: no files configured");
            return;
        }
        CompileRequest request = new CompileRequest(sourceDirectory.toPath(), List.copyOf(files),
                outputDirectory.toPath(), parseTarget(target), checkOptimize(optimize),
                dfilePrefix == null || dfilePrefix.isEmpty() ? null : dfilePrefix, doraise,
                parseMode(invalidationMode), stateFile());
        new CompileExecutor(getLog(), System.getenv("SOURCE_DATE_EPOCH"))
                .reportingTo(buildContext)
                .execute(request);
    }

    /** The state file of this execution, or null when not incremental (or run outside a build). */
    private java.nio.file.Path stateFile() {
        if (!incremental || statusDirectory == null) {
            return null;
        }
        String id = mojoExecution != null && mojoExecution.getExecutionId() != null
                ? mojoExecution.getExecutionId() : "default";
        return statusDirectory.toPath().resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".state");
    }

    static PythonVersion parseTarget(String text) throws MojoExecutionException {
        Optional<PythonVersion> v = text == null ? Optional.of(PythonVersion.DEFAULT) : PythonVersion.parse(text);
        if (v.isEmpty()) {
            throw new MojoExecutionException("Unsupported target '" + text + "': supported targets are "
                    + Arrays.stream(PythonVersion.values()).map(PythonVersion::dotted).collect(Collectors.joining(", ")));
        }
        return v.get();
    }

    static int checkOptimize(int level) throws MojoExecutionException {
        if (level < 0 || level > 2) {
            throw new MojoExecutionException("optimize must be 0, 1 or 2, not " + level);
        }
        return level;
    }

    static InvalidationMode parseMode(String text) throws MojoExecutionException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (InvalidationMode m : InvalidationMode.values()) {
            if (m.cliName().equals(t)) {
                return m;
            }
        }
        throw new MojoExecutionException("invalidationMode must be timestamp, checked-hash or unchecked-hash, not '"
                + text + "'");
    }
}
