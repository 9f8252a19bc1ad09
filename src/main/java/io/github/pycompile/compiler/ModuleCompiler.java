package io.github.pycompile.compiler;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;

/**
 * The compiler core for one target: the raw bytes of a source file in, the marshalled module code
 * object out, exactly as {@code marshal.dumps(compile(source, filename, 'exec', dont_inherit=True,
 * optimize=N))} of that target under {@code py_compile} — or the exception that compile raises.
 *
 * <p>Implementations are stateless and thread-safe; one instance compiles any number of files.
 */
public interface ModuleCompiler {

    /**
     * @param source the file's bytes as read from disk (2.6's appended newline and 2.x universal
     *     newlines are the implementation's business, as they are part of what that py_compile does)
     * @param filename the name stored as {@code co_filename} and used in messages ({@code dfile or file})
     */
    CompiledModule compile(byte[] source, String filename, CompileOptions options)
            throws PythonError, UnsupportedFeatureException;
}
