package io.github.pycompile.symtable;

import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;

/**
 * The {@code from __future__ import ...} statements at the top of a module, as CPython 3.11's
 * {@code future.c} reads them: after an optional docstring, consecutive future imports. Only
 * {@code annotations} (and the joke {@code barry_as_FLUFL}) change compilation in 3.x; the others are
 * accepted and ignored. Misplaced or unknown features are refused until their messages are reproduced.
 */
public final class FutureFeatures {
    /** {@code CO_FUTURE_ANNOTATIONS}. */
    public static final int CO_FUTURE_ANNOTATIONS = 0x1000000;

    private final int flags;

    private FutureFeatures(int flags) {
        this.flags = flags;
    }

    public static FutureFeatures of(Ast.ModuleNode module, String filename, PythonVersion target)
            throws UnsupportedFeatureException {
        int flags = 0;
        boolean done = false;
        boolean first = true;
        for (Ast.Stmt s : module.body()) {
            boolean docstring = first && s instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant c
                    && c.value() instanceof io.github.pycompile.marshal.PyObject.Str;
            first = false;
            if (docstring) {
                continue;
            }
            if (s instanceof Ast.ImportFrom f && "__future__".equals(f.module()) && f.level() == 0) {
                if (done) {
                    throw new UnsupportedFeatureException(target, "misplaced __future__ imports (their error)", s.lineno());
                }
                for (Ast.Alias a : f.names()) {
                    switch (a.name()) {
                        case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
                                "print_function", "unicode_literals", "generator_stop" -> { }
                        case "annotations" -> flags |= CO_FUTURE_ANNOTATIONS;
                        default -> throw new UnsupportedFeatureException(target, "__future__ feature " + a.name(),
                                s.lineno());
                    }
                }
            } else {
                done = true;
            }
        }
        return new FutureFeatures(flags);
    }

    /** The CO_FUTURE_* bits every code object of the module carries. */
    public int flags() {
        return flags;
    }

    public boolean annotations() {
        return (flags & CO_FUTURE_ANNOTATIONS) != 0;
    }

    public boolean barryAsFlufl() {
        return false;
    }
}
