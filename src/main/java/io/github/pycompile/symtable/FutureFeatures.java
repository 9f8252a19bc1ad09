package io.github.pycompile.symtable;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;

/**
 * The {@code from __future__ import ...} statements at the top of a module, as CPython 3.11's
 * {@code future.c} reads them: after an optional docstring, consecutive future imports (a later one
 * on the same line as an ordinary statement is its error; any later one is the compiler's, see
 * {@link #lineno()}). Only {@code annotations} (and the joke {@code barry_as_FLUFL}, refused) change
 * compilation in 3.x; the others are accepted and ignored; {@code braces} and unknown names are
 * errors.
 */
public final class FutureFeatures {
    /** {@code CO_FUTURE_ANNOTATIONS}. */
    public static final int CO_FUTURE_ANNOTATIONS = 0x1000000;

    private final int flags;
    private final int lineno;

    private FutureFeatures(int flags, int lineno) {
        this.flags = flags;
        this.lineno = lineno;
    }

    public static FutureFeatures of(Ast.ModuleNode module, String filename, PythonVersion target)
            throws UnsupportedFeatureException, PythonError {
        int flags = 0;
        int ffLineno = -1;
        boolean done = false;
        int prevLine = 0;
        java.util.List<Ast.Stmt> body = module.body();
        int i = 0;
        if (!body.isEmpty() && body.get(0) instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant c
                && c.value() instanceof PyObject.Str) {
            i++;
        }
        for (; i < body.size(); i++) {
            Ast.Stmt s = body.get(i);
            if (done && s.lineno() > prevLine) {
                break;
            }
            prevLine = s.lineno();
            if (s instanceof Ast.ImportFrom f && "__future__".equals(f.module())) {
                if (done) {
                    // a future import after another statement on the same line
                    throw new PythonError("SyntaxError", "from __future__ imports must occur at the beginning of the file",
                            filename, s.lineno(), s.colOffset(), null, s.lineno(), -1);
                }
                for (Ast.Alias a : f.names()) {
                    switch (a.name()) {
                        case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
                                "print_function", "unicode_literals", "generator_stop" -> { }
                        case "annotations" -> flags |= CO_FUTURE_ANNOTATIONS;
                        case "barry_as_FLUFL" -> throw new UnsupportedFeatureException(target,
                                "__future__ feature barry_as_FLUFL", s.lineno());
                        case "braces" -> throw new PythonError("SyntaxError", "not a chance", filename, s.lineno(),
                                s.colOffset() + 1, null, s.lineno(), -1);
                        default -> throw new PythonError("SyntaxError", "future feature "
                                + (a.name().length() > 100 ? a.name().substring(0, 100) : a.name()) + " is not defined",
                                filename, s.lineno(), s.colOffset() + 1, null, s.lineno(), -1);
                    }
                }
                ffLineno = s.lineno();
            } else {
                done = true;
            }
        }
        return new FutureFeatures(flags, ffLineno);
    }

    /** The CO_FUTURE_* bits every code object of the module carries. */
    public int flags() {
        return flags;
    }

    /**
     * The line of the last future import of the leading block ({@code ff_lineno}, -1 if none): a
     * {@code from __future__} import on a later line is a compile-time error.
     */
    public int lineno() {
        return lineno;
    }

    public boolean annotations() {
        return (flags & CO_FUTURE_ANNOTATIONS) != 0;
    }

    public boolean barryAsFlufl() {
        return false;
    }
}
