package io.github.pycompile.checks;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.AstRewriter;
import io.github.pycompile.symtable.FutureFeatures;
import io.github.pycompile.symtable.SymbolTable;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors CPython raises after the parser, for targets that have a parser but no back end yet:
 * {@code __future__} imports, the symbol table, then the code generator ({@link CompileChecks}), in
 * that order, as {@code compile()} runs them. A tree these phases accept returns normally (the caller
 * then refuses it for want of a back end); what is not reproduced exactly is refused.
 */
public final class LaterPhaseChecks {
    private LaterPhaseChecks() {}

    /** True for the targets whose later-phase errors are reproduced here. */
    public static boolean supports(PythonVersion v) {
        return v.atLeast(PythonVersion.V3_6) && v != PythonVersion.V3_11;
    }

    /** Raises the first error of a later phase CPython {@code v} would raise for {@code module}, if any. */
    public static void check(Ast.ModuleNode module, String filename, PythonVersion v)
            throws PythonError, UnsupportedFeatureException {
        if (!supports(v)) {
            throw new UnsupportedFeatureException(v, "the errors of the symbol table and compiler of this target", -1);
        }
        if (hasTypeParameters(module)) {
            try {
                TypeParamChecks.check(module, filename, v);
            } catch (UnsupportedConstruct r) {
                throw r.toException(v);
            }
        }
        try {
            FutureFeatures future;
            SymbolTable symbols;
            try {
                future = FutureFeatures.of(module, filename, v);
            } catch (PythonError e) {
                throw futureError(e, module, v);
            }
            try {
                symbols = SymbolTable.build(module, filename, v, future, w -> { });
            } catch (PythonError e) {
                throw positioned(e, v);
            }
            if (v.atLeast(PythonVersion.V3_14)) {
                annotationScopes(module, filename);
            }
            try {
                CompileChecks.check(module, v, future, symbols);
            } catch (CompileChecks.Failure f) {
                if (f.lineno < 0) {
                    throw new PythonError("SyntaxError", f.msg, filename, -1, -1, null, -1, -1);
                }
                throw positioned(new PythonError("SyntaxError", f.msg, filename, f.lineno, f.col + 1, null,
                        f.endLineno, f.endCol + 1), v);
            }
        } catch (UnsupportedConstruct r) {
            throw r.toException(v);
        }
    }

    /**
     * 3.14 evaluates annotations in annotation scopes, whose symbol table rejects yield, await and
     * {@code :=} in them (lambdas are scopes of their own). The error is raised when the module holds
     * exactly one such expression (the rest of the symbol table having passed); several are refused.
     */
    private static void annotationScopes(Ast.ModuleNode module, String filename) throws PythonError {
        List<Ast.Expr> found = new ArrayList<>();
        AstRewriter inAnnotation = new AstRewriter() {
            int comprehension;

            @Override
            public Ast.Expr expr(Ast.Expr n) {
                if (n instanceof Ast.Yield || n instanceof Ast.YieldFrom || n instanceof Ast.Await
                        || n instanceof Ast.NamedExpr) {
                    if (comprehension > 0) {
                        throw new UnsupportedConstruct("yield, await or := in a comprehension in an annotation", n.lineno());
                    }
                    found.add(n);
                    return n;
                }
                if (n instanceof Ast.Lambda) {
                    return n;
                }
                boolean comp = n instanceof Ast.ListComp || n instanceof Ast.SetComp || n instanceof Ast.DictComp
                        || n instanceof Ast.GeneratorExp;
                comprehension += comp ? 1 : 0;
                Ast.Expr r = super.expr(n);
                comprehension -= comp ? 1 : 0;
                return r;
            }
        };
        new AstRewriter() {
            @Override
            public Ast.Expr annotation(Ast.Expr n) {
                if (n != null) {
                    inAnnotation.expr(n);
                }
                return super.annotation(n);
            }
        }.mod(module);
        if (found.isEmpty()) {
            return;
        }
        if (found.size() > 1) {
            throw new UnsupportedConstruct("several yield, await or := in annotations (3.14)", found.get(1).lineno());
        }
        Ast.Expr e = found.get(0);
        String what = e instanceof Ast.Await ? "await" : e instanceof Ast.NamedExpr ? "named" : "yield";
        throw new PythonError("SyntaxError", what + " expression cannot be used within an annotation", filename,
                e.lineno(), e.colOffset() + 1, null, e.endLineno(), e.endColOffset() + 1);
    }

    private static boolean hasTypeParameters(Ast.ModuleNode module) {
        boolean[] found = {false};
        new AstRewriter() {
            @Override
            public Ast.TypeParam typeParam(Ast.TypeParam n) {
                found[0] = true;
                return n;
            }

            @Override
            public Ast.TypeAlias visitTypeAlias(Ast.TypeAlias n) {
                found[0] = true;
                return n;
            }
        }.mod(module);
        return found[0];
    }

    /**
     * future.c's errors. A future import after another statement on its line is reported at its 0-based
     * column up to 3.11 (the column + 1 from 3.12, with its end); the others like any error.
     */
    private static PythonError futureError(PythonError e, Ast.ModuleNode module, PythonVersion v) {
        if (!e.pyMessage().startsWith("from __future__ imports")) {
            return positioned(e, v);
        }
        if (!v.atLeast(PythonVersion.V3_10)) {
            return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), e.offset(), e.text(), -1, -1);
        }
        if (!v.atLeast(PythonVersion.V3_12)) {
            return e;
        }
        for (Ast.Stmt s : module.body()) {
            if (s.lineno() == e.lineno() && s.colOffset() == e.offset()) {
                return new PythonError(e.typeName(), e.pyMessage(), e.filename(), s.lineno(), s.colOffset() + 1,
                        e.text(), s.endLineno(), s.endColOffset() + 1);
            }
        }
        throw new UnsupportedConstruct("this __future__ import (its position)", e.lineno());
    }

    /** The position as {@code v} reports it: no end position before 3.10, a 0-based column before 3.8. */
    private static PythonError positioned(PythonError e, PythonVersion v) {
        if (v.atLeast(PythonVersion.V3_10)) {
            return e;
        }
        int offset = !v.atLeast(PythonVersion.V3_8) && e.offset() > 0 ? e.offset() - 1 : e.offset();
        return new PythonError(e.typeName(), e.pyMessage(), e.filename(), e.lineno(), offset, e.text(), -1, -1);
    }
}
