package io.github.pycompile.compiler;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.astopt.ConstantFolding311;
import io.github.pycompile.codegen.CodeGenerator311;
import io.github.pycompile.marshal.MarshalException;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.parser.Parser311;
import io.github.pycompile.symtable.FutureFeatures;
import io.github.pycompile.symtable.SymbolTable;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler core for CPython 3.11, phase by phase as {@code compile()} runs them: decoding and
 * parsing ({@link Parser311}), {@code __future__} features, the AST optimiser
 * ({@link ConstantFolding311}), the symbol table, code generation and assembly
 * ({@link CodeGenerator311}), then marshal with 3.11's object sharing. Constructs not covered yet are
 * refused with {@link UnsupportedFeatureException}; nothing is ever written that could differ from
 * CPython's output.
 */
public final class Cpython311Compiler implements ModuleCompiler {
    private static final PythonVersion V = PythonVersion.V3_11;

    @Override
    public CompiledModule compile(byte[] source, String filename, CompileOptions options)
            throws PythonError, UnsupportedFeatureException {
        List<CompilerWarning> warnings = new ArrayList<>();
        Ast.ModuleNode tree = Parser311.parseModule(source, filename, V, warnings::add);
        FutureFeatures future = FutureFeatures.of(tree, filename, V);
        tree = ConstantFolding311.optimize(tree, options.optimize(), V, future.annotations());
        SymbolTable symbols = SymbolTable.build(tree, filename, V, future, warnings::add);
        CodeGenerator311.Result r = CodeGenerator311.compileModule(tree, symbols, future, filename, options,
                warnings::add);
        try {
            byte[] body = MarshalWriter.dumps(r.code(), V, r.objects().flagPolicy(r.code()));
            return new CompiledModule(body, warnings);
        } catch (MarshalException e) {
            throw new UnsupportedFeatureException(V, "code this deeply nested (marshal's limit)", -1);
        }
    }
}
