package io.github.pycompile.compiler;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.codegen.CodeGenerator27;
import io.github.pycompile.marshal.MarshalException;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.parser.Parser27;
import io.github.pycompile.symtable.SymbolTable2;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler core for CPython 2.7, after the parser: {@code __future__} features, the 2.x symbol
 * table ({@link SymbolTable2}), code generation, assembly and the peephole optimiser
 * ({@link CodeGenerator27}), then marshal version 2 with its interned-string references. {@link #compile}
 * parses with {@link Parser27}; {@link #compileTree} compiles a tree such as {@code ast.parse} of 2.7
 * builds (the differential tests use python2.7's own trees).
 *
 * <p>What the tree must carry (the shape {@code testsupport.CpythonAst} gives 2.7's trees): the
 * {@code Py2*} nodes where 2.x differs; {@code Constant} for {@code Num}/{@code Str} (a 2.x
 * {@code str} is {@code Bytes}, a {@code long} an {@code Int} marked py2Long, negative literals
 * already folded as 2.7's parser folds them); a {@code Subscript}'s {@code Slice} with a null
 * {@code step} for {@code a[i:j]} ({@code a[i:j:]} has the name {@code None} as step); an extended
 * slice as a {@code Tuple} and the {@code ...} slice as {@code Constant(Ellipsis)}, both with line
 * -1; {@code With} with one item (2.7 nests {@code with a, b}); 2.7's line numbers (decorated
 * definitions at their first decorator). One more fact 2.7's tree holds implicitly: whether a
 * one-character {@code str} constant is the interpreter's shared one-character object (a literal
 * without backslash escapes in a source needing no re-encoding, possibly through implicit
 * concatenation with empty literals) or a fresh copy; marshal writes only the shared ones as
 * interned. In a 2.x tree {@code Bytes.interned} says "shared".
 */
public final class Cpython27Compiler implements ModuleCompiler {
    private static final PythonVersion V = PythonVersion.V2_7;

    @Override
    public CompiledModule compile(byte[] source, String filename, CompileOptions options)
            throws PythonError, UnsupportedFeatureException {
        List<CompilerWarning> parseWarnings = new ArrayList<>();
        Ast.ModuleNode tree = Parser27.parseModule(source, filename, V, parseWarnings::add);
        CompiledModule m = compileTree(tree, filename, options);
        if (parseWarnings.isEmpty()) {
            return m;
        }
        List<CompilerWarning> all = new ArrayList<>(parseWarnings);
        all.addAll(m.warnings());
        return new CompiledModule(m.marshalledCode(), all);
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
