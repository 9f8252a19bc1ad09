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
    private final PythonVersion V;

    /** The 2.7 compiler. */
    public Cpython27Compiler() {
        this(PythonVersion.V2_7);
    }

    /**
     * The compiler of {@code target}, 2.7 or 2.6: 2.6 is the same pipeline with 2.6's grammar, opcode
     * numbers and lowerings (constructs whose 2.6 code is not reproduced yet are refused), and 2.6's
     * {@code py_compile}, which appends a newline to a source that does not end with one.
     */
    public Cpython27Compiler(PythonVersion target) {
        if (target != PythonVersion.V2_7 && target != PythonVersion.V2_6) {
            throw new IllegalArgumentException("not a 2.x target with this core: " + target);
        }
        this.V = target;
    }

    @Override
    public CompiledModule compile(byte[] source, String filename, CompileOptions options)
            throws PythonError, UnsupportedFeatureException {
        byte[] original = source;
        if (V == PythonVersion.V2_6 && source.length > 0 && source[source.length - 1] != '\n'
                && source[source.length - 1] != '\r') {
            source = java.util.Arrays.copyOf(source, source.length + 1);
            source[source.length - 1] = '\n';
        }
        List<CompilerWarning> parseWarnings = new ArrayList<>();
        Ast.ModuleNode tree = Parser27.parseModule(source, filename, V, parseWarnings::add);
        CompiledModule m = compileTree(tree, filename, options, original);
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
        return compileTree(tree, filename, options, null);
    }

    private CompiledModule compileTree(Ast.ModuleNode tree, String filename, CompileOptions options, byte[] source)
            throws PythonError, UnsupportedFeatureException {
        List<CompilerWarning> warnings = new ArrayList<>();
        int[] future;
        SymbolTable2 symbols;
        try {
            future = CodeGenerator27.futureFeatures(tree, filename);
            symbols = SymbolTable2.build(tree, filename, V, warnings::add);
        } catch (PythonError e) {
            throw V == PythonVersion.V2_6 ? as26Symtable(e) : e;
        }
        PyObject.Code code;
        try {
            code = CodeGenerator27.compileModule(tree, symbols, future, options.optimize(), filename, V,
                    warnings::add);
        } catch (PythonError e) {
            throw V == PythonVersion.V2_6 && source != null ? as26Compiler(e, source) : e;
        }
        try {
            return new CompiledModule(MarshalWriter.dumps(code, V, o -> false), warnings);
        } catch (MarshalException e) {
            throw new UnsupportedFeatureException(V, "code this deeply nested (marshal's limit)", -1);
        }
    }

    /**
     * 2.6's future.c and symtable.c set the position as attributes of the exception, not in its args,
     * and py_compile formats the args: the error is the bare message. One message has other words.
     */
    private static PythonError as26Symtable(PythonError e) {
        if (!e.typeName().equals("SyntaxError")) {
            return e;
        }
        String msg = e.pyMessage();
        if (msg.startsWith("unqualified exec is not allowed in function ")) {
            msg = msg.replace("' because it ", "' it ");
        }
        return new PythonError(e.typeName(), msg, null, -1, -1, null, -1, -1);
    }

    /**
     * 2.6's compile.c errors carry the line's text as read back from the file (the source bytes up to
     * and with that line's {@code \n}; None past the end).
     */
    private static PythonError as26Compiler(PythonError e, byte[] source) {
        if (!e.typeName().equals("SyntaxError") || e.text() != null || e.lineno() < 1) {
            return e;
        }
        int start = 0;
        for (int line = 1; line < e.lineno(); line++) {
            while (start < source.length && source[start] != '\n') {
                start++;
            }
            if (start >= source.length) {
                return e;
            }
            start++;
        }
        if (start >= source.length) {
            return e;
        }
        int end = start;
        while (end < source.length && source[end] != '\n') {
            end++;
        }
        if (end < source.length) {
            end++;
        }
        String text = new String(source, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), e.offset(), text,
                e.endLineno(), e.endOffset());
    }
}
