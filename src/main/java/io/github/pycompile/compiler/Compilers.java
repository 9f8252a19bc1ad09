package io.github.pycompile.compiler;

import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.checks.LaterPhaseChecks;
import io.github.pycompile.parser.Parser311;
import io.github.pycompile.target.PythonVersion;
import java.util.EnumMap;
import java.util.Map;

/**
 * The compiler core for each target. Targets without a back end yet compile nothing: a source their
 * parser and {@link LaterPhaseChecks} find in error gets CPython's SyntaxError, any other is refused
 * clearly.
 */
public final class Compilers {
    private static final Map<PythonVersion, ModuleCompiler> BY_TARGET = new EnumMap<>(PythonVersion.class);

    static {
        // Back ends register here as they come (each may still refuse constructs it does not cover).
        BY_TARGET.put(PythonVersion.V3_11, new Cpython311Compiler());
        BY_TARGET.put(PythonVersion.V2_7, new Cpython27Compiler());
        BY_TARGET.put(PythonVersion.V2_6, new Cpython27Compiler(PythonVersion.V2_6));
    }

    private Compilers() {}

    public static ModuleCompiler forTarget(PythonVersion target) {
        ModuleCompiler c = BY_TARGET.get(target);
        if (c != null) {
            return c;
        }
        return (source, filename, options) -> {
            if (LaterPhaseChecks.supports(target) && Parser311.supports(target)) {
                // no code can be produced, but a source CPython rejects gets CPython's error: the parser's,
                // then the symbol table's and the compiler's; whatever these phases cannot reproduce
                // exactly falls through to the refusal below
                try {
                    Ast.ModuleNode tree = Parser311.parseModule(source, filename, target, w -> { });
                    LaterPhaseChecks.check(tree, filename, target);
                } catch (UnsupportedFeatureException e) {
                    // not reproduced exactly: refused below
                }
            }
            throw new UnsupportedFeatureException(target, "Python code (no back end for this target yet)", -1);
        };
    }

    /** True when {@code target} has a back end (possibly partial: it may still refuse constructs). */
    public static boolean hasBackEnd(PythonVersion target) {
        return BY_TARGET.containsKey(target);
    }
}
