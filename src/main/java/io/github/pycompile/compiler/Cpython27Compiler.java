package io.github.pycompile.compiler;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.codegen.CodeGenerator27;
import io.github.pycompile.marshal.MarshalException;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.symtable.SymbolTable2;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler core for CPython 2.7, after the parser: {@code __future__} features, the 2.x symbol
 * table ({@link SymbolTable2}), code generation, assembly and the peephole optimiser
 * ({@link CodeGenerator27}), then marshal version 2 with its interned-string references. The 2.7
 * parser is not wired yet, so {@link #compile} refuses every source; {@link #compileTree} compiles
 * a tree such as {@code ast.parse} of 2.7 builds.
 */
public final class Cpython27Compiler implements ModuleCompiler {
    private static final PythonVersion V = PythonVersion.V2_7;

    @Override
    public CompiledModule compile(byte[] source, String filename, CompileOptions options)
            throws PythonError, UnsupportedFeatureException {
        throw new UnsupportedFeatureException(V, "Python 2.7 source (the 2.7 parser is not wired yet)", -1);
    }

    /** The marshalled module for a 2.7 tree, or the error 2.7's compiler raises after parsing. */
    public CompiledModule compileTree(Ast.ModuleNode tree, String filename, CompileOptions options)
            throws PythonError, UnsupportedFeatureException {
        List<CompilerWarning> warnings = new ArrayList<>();
        int[] future = CodeGenerator27.futureFeatures(tree, filename);
        SymbolTable2 symbols = SymbolTable2.build(tree, filename, V, warnings::add);
        PyObject.Code code = CodeGenerator27.compileModule(tree, symbols, future, options.optimize(), filename, V,
                warnings::add);
        try {
            return new CompiledModule(MarshalWriter.dumps(code, V, o -> false), warnings);
        } catch (MarshalException e) {
            throw new UnsupportedFeatureException(V, "code this deeply nested (marshal's limit)", -1);
        }
    }
}
