package io.github.pycompile.compiler;

import java.util.List;

/**
 * The result of compiling one module: the marshal stream of its code object (the cache file's body,
 * after the header) and the warnings the target would have printed while compiling, in order.
 */
public record CompiledModule(byte[] marshalledCode, List<CompilerWarning> warnings) {
    public CompiledModule {
        warnings = List.copyOf(warnings);
    }
}
