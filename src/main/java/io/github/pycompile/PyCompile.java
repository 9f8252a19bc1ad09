package io.github.pycompile;

import io.github.pycompile.compiler.CompiledModule;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.pyc.CacheFiles;
import io.github.pycompile.pyc.PycFileWriter;
import io.github.pycompile.pyc.PycHeader;
import io.github.pycompile.target.PythonVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * CPython's {@code py_compile} module for any target: {@link #compile} and {@link #main}, with the
 * target's defaults, checks, messages and file writing. The compiling itself is done by the
 * compiler core of the target ({@link Compilers}); this class never imports the Maven API.
 *
 * <p>An instance fixes the compiler lookup and the standard streams (tests and the Mojo pass their
 * own); the static methods use the real core and {@code System.err}.
 */
public final class PyCompile {
    private final Function<PythonVersion, ModuleCompiler> compilers;
    private final PrintStream err;
    private final String sourceDateEpoch;

    public PyCompile(Function<PythonVersion, ModuleCompiler> compilers, PrintStream err, String sourceDateEpoch) {
        this.compilers = Objects.requireNonNull(compilers);
        this.err = Objects.requireNonNull(err);
        this.sourceDateEpoch = sourceDateEpoch;
    }

    /** The real compiler core, {@code System.err} and the process's {@code SOURCE_DATE_EPOCH}. */
    public static PyCompile standard() {
        return new PyCompile(Compilers::forTarget, System.err, System.getenv("SOURCE_DATE_EPOCH"));
    }

    /** {@code py_compile.compile(file, cfile, dfile, doraise)} with {@code options}, using {@link #standard()}. */
    public static String compile(String file, String cfile, String dfile, boolean doraise, CompileOptions options)
            throws PyCompileError, PyOSError {
        return standard().compileFile(file, cfile, dfile, doraise, options);
    }

    /**
     * Compiles one source file into its cache file.
     *
     * @param file the source path, as given (it is also {@code co_filename} when {@code dfile} is null)
     * @param cfile the cache path, or null for the target's default
     *     ({@link CacheFiles#cacheFromSource})
     * @param dfile the name stored in {@code co_filename} and used in messages, or null
     * @param doraise raise {@link PyCompileError} on a compile error; otherwise print its message to
     *     the error stream and return null
     * @return the cache path written, or null when compiling failed and {@code doraise} is false
     * @throws PyOSError as CPython lets {@code OSError}s escape: unreadable source, a symlinked or
     *     non-regular cache file (3.x), an unwritable cache directory
     */
    public String compileFile(String file, String cfile, String dfile, boolean doraise, CompileOptions options)
            throws PyCompileError, PyOSError {
        PythonVersion target = options.target();
        String cachePath = cfile != null ? cfile : CacheFiles.cacheFromSource(file, target, options.optimize());
        Path source = Path.of(file);
        Path cache = Path.of(cachePath);
        PycFileWriter.checkTarget(cache, target); // 3.x refuses before reading the source
        byte[] bytes;
        BasicFileAttributes attrs;
        try {
            bytes = Files.readAllBytes(source);
            attrs = Files.readAttributes(source, BasicFileAttributes.class);
        } catch (IOException e) {
            throw PyOSError.from(e, file);
        }
        String name = dfile != null ? dfile : file;
        CompiledModule module;
        try {
            module = compilers.apply(target).compile(bytes, name, options);
        } catch (PythonError e) {
            return fail(PyCompileError.of(withProgramText(e, name, target), name, target), doraise);
        } catch (UnsupportedFeatureException e) {
            return fail(PyCompileError.of(e, name), doraise);
        } catch (RuntimeException e) {
            // a bug in the core: reported as CPython reports its own internal errors, never a stack trace
            return fail(PyCompileError.of(new PythonError("SystemError", "py-compile internal error (this is a bug, "
                    + "please report it): " + e, name, -1, -1, null, -1, -1), name, target), doraise);
        }
        for (CompilerWarning w : module.warnings()) {
            err.print(formatWarning(w, target));
        }
        InvalidationMode mode = options.invalidationMode() != null
                ? options.invalidationMode()
                : PycHeader.defaultMode(target, sourceDateEpoch);
        if (!target.hasPep552Header()) {
            mode = InvalidationMode.TIMESTAMP;
        }
        long mtime = Math.floorDiv(attrs.lastModifiedTime().toMillis(), 1000L);
        byte[] header = PycHeader.build(target, mode, mtime, attrs.size(), bytes);
        byte[] body = module.marshalledCode();
        byte[] data = new byte[header.length + body.length];
        System.arraycopy(header, 0, data, 0, header.length);
        System.arraycopy(body, 0, data, header.length, body.length);
        try {
            PycFileWriter.write(cache, data, source, target);
        } catch (IOException e) {
            throw PyOSError.from(e, cachePath);
        }
        return cachePath;
    }

    /**
     * A compile-time error without source text gets the line CPython's {@code PyErr_ProgramTextObject}
     * reads from the file the error names (the {@code dfile} name: nothing when that is not a file
     * here).
     */
    static PythonError withProgramText(PythonError e, String name, PythonVersion target) {
        if (e.text() != null || e.lineno() <= 0 || name == null) {
            return e;
        }
        try {
            Path p = Path.of(name);
            if (!Files.isRegularFile(p)) {
                return e;
            }
            String text = io.github.pycompile.source.SourceDecoder.decode(Files.readAllBytes(p), target, name).text();
            String[] lines = text.split("\n", -1);
            if (e.lineno() > lines.length || e.lineno() == lines.length && lines[e.lineno() - 1].isEmpty()) {
                return e;
            }
            String line = lines[e.lineno() - 1] + (e.lineno() < lines.length ? "\n" : "");
            return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), e.offset(), line,
                    e.endLineno(), e.endOffset());
        } catch (IOException | PythonError | UnsupportedFeatureException | java.nio.file.InvalidPathException ex) {
            return e;
        }
    }

    /**
     * {@code warnings.formatwarning}: {@code file:line: Category: message}, then the source line,
     * stripped, when the file the warning names can be read (linecache reads {@code dfile}, so a
     * {@code dfile} that is not a path here shows no line).
     */
    static String formatWarning(CompilerWarning w, PythonVersion target) {
        StringBuilder sb = new StringBuilder()
                .append(w.filename()).append(':').append(w.lineno()).append(": ")
                .append(w.category()).append(": ").append(w.message()).append('\n');
        try {
            Path p = Path.of(w.filename());
            if (w.lineno() > 0 && Files.isRegularFile(p)) {
                String text = io.github.pycompile.source.SourceDecoder.decode(Files.readAllBytes(p), target,
                        w.filename()).text();
                String[] lines = text.split("\n", -1);
                if (w.lineno() <= lines.length) {
                    String line = lines[w.lineno() - 1].strip();
                    if (!line.isEmpty()) {
                        sb.append("  ").append(line).append('\n');
                    }
                }
            }
        } catch (IOException | PythonError | UnsupportedFeatureException | java.nio.file.InvalidPathException e) {
            // no line, as linecache gives none for a file it cannot read
        }
        return sb.toString();
    }

    private String fail(PyCompileError error, boolean doraise) throws PyCompileError {
        if (doraise) {
            throw error;
        }
        err.print(error.msg() + "\n");
        return null;
    }

    /**
     * {@code python -m py_compile ARGS} of the target: compiles exactly the files named ({@code -}
     * alone: one name per line of {@code stdin}), reports failures on the error stream as that
     * version does, and returns the exit status. 2.x and 3.6–3.9 report every failure and return 1
     * at the end; 3.10+ parses its arguments with argparse ({@code -q}, {@code -h}) and stops at the
     * first failure with status 1.
     */
    public int main(List<String> args, CompileOptions options, InputStream stdin, PrintStream out) {
        if (options.target().atLeast(PythonVersion.V3_10)) {
            return mainArgparse(args, options, stdin, out);
        }
        int rv = 0;
        boolean fromStdin = args.equals(List.of("-"));
        List<String> files = fromStdin ? readLines(stdin) : args;
        for (String f : files) {
            try {
                compileFile(f, null, null, true, options);
            } catch (PyCompileError e) {
                rv = 1;
                err.print(e.msg() + "\n");
            } catch (PyOSError e) {
                rv = 1;
                // With "-" CPython prints str(error); otherwise the OSError escapes as a traceback
                // whose last line is "Type: text" — we print that line, not the traceback.
                // 2.x raises IOError where 3.x raises its OSError subclasses
                String type = options.target().isPython2() ? "IOError" : e.typeName();
                err.print((fromStdin ? e.pythonText() : type + ": " + e.pythonText()) + "\n");
                if (!fromStdin) {
                    return 1;
                }
            }
        }
        return rv;
    }

    private int mainArgparse(List<String> args, CompileOptions options, InputStream stdin, PrintStream out) {
        String usage = "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n";
        boolean quiet = false;
        List<String> files = new ArrayList<>();
        boolean onlyPositional = false;
        for (String a : args) {
            if (!onlyPositional && a.equals("--")) {
                onlyPositional = true;
            } else if (!onlyPositional && (a.equals("-h") || a.equals("--help"))) {
                out.print(usage + "\nA simple command-line interface for py_compile module.\n\n"
                        + "positional arguments:\n  filenames    Files to compile\n\n"
                        + (options.target().atLeast(PythonVersion.V3_10) ? "options:\n" : "optional arguments:\n")
                        + "  -h, --help   show this help message and exit\n"
                        + "  -q, --quiet  Suppress error output\n");
                return 0;
            } else if (!onlyPositional && (a.equals("-q") || a.equals("--quiet"))) {
                quiet = true;
            } else if (!onlyPositional && a.startsWith("-") && !a.equals("-")) {
                err.print(usage + "py_compile.py: error: unrecognized arguments: " + a + "\n");
                return 2;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.print(usage + "py_compile.py: error: the following arguments are required: filenames\n");
            return 2;
        }
        if (files.equals(List.of("-"))) {
            files = readLines(stdin);
        }
        for (String f : files) {
            try {
                compileFile(f, null, null, true, options);
            } catch (PyCompileError e) {
                if (!quiet) {
                    err.print(e.msg());
                }
                return 1;
            } catch (PyOSError e) {
                if (!quiet) {
                    err.print(e.pythonText());
                }
                return 1;
            }
        }
        return 0;
    }

    private static List<String> readLines(InputStream in) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}
