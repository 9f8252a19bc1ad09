package io.github.pycompile.parser;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.AstRewriter;
import io.github.pycompile.compiler.CompilerWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * 3.6's DeprecationWarning for {@code async} and {@code await} used as names they bind (its
 * {@code ast.c} warns where a name is stored: assignment, {@code for}/{@code with}/{@code except} targets,
 * definitions, parameters, keyword arguments, imports; not where one is read, deleted or declared
 * global), on the line of the node, in the order {@code ast.c} walks the tree.
 */
final class AsyncNames36 extends AstRewriter {
    static final String MESSAGE = "'async' and 'await' will become reserved keywords in Python 3.7";

    private final String filename;
    private final List<CompilerWarning> found = new ArrayList<>();
    private int statementLine;

    private AsyncNames36(String filename) {
        this.filename = filename;
    }

    /** The warnings of a module parsed as 3.6, in walk order. */
    static List<CompilerWarning> of(Ast.ModuleNode m, String filename) {
        AsyncNames36 w = new AsyncNames36(filename);
        for (Ast.Stmt s : m.body()) {
            w.stmt(s);
        }
        return w.found;
    }

    private void check(String name, int line) {
        if (name != null && (name.equals("async") || name.equals("await"))) {
            found.add(new CompilerWarning("DeprecationWarning", MESSAGE, filename, line));
        }
    }

    @Override
    public Ast.Stmt stmt(Ast.Stmt n) {
        if (n != null) {
            statementLine = n.lineno();
        }
        return super.stmt(n);
    }

    @Override
    public Ast.Name visitName(Ast.Name n) {
        if (n.ctx() == Ast.ExprContext.Store) {
            check(n.id(), n.lineno());
        }
        return n;
    }

    @Override
    public Ast.Attribute visitAttribute(Ast.Attribute n) {
        Ast.Attribute r = super.visitAttribute(n);
        if (n.ctx() == Ast.ExprContext.Store) {
            check(n.attr(), n.lineno());
        }
        return r;
    }

    @Override
    public Ast.FunctionDef visitFunctionDef(Ast.FunctionDef n) {
        check(n.name(), n.lineno());
        return super.visitFunctionDef(n);
    }

    @Override
    public Ast.AsyncFunctionDef visitAsyncFunctionDef(Ast.AsyncFunctionDef n) {
        check(n.name(), n.lineno());
        return super.visitAsyncFunctionDef(n);
    }

    @Override
    public Ast.ClassDef visitClassDef(Ast.ClassDef n) {
        check(n.name(), n.lineno());
        return super.visitClassDef(n);
    }

    @Override
    public Ast.Arg visitArg(Ast.Arg n) {
        check(n.arg(), n.lineno());
        return super.visitArg(n);
    }

    @Override
    public Ast.Keyword visitKeyword(Ast.Keyword n) {
        check(n.arg(), n.lineno());
        return super.visitKeyword(n);
    }

    @Override
    public Ast.Alias visitAlias(Ast.Alias n) {
        // 3.6's aliases have no position of their own: the statement's line
        check(n.asname() != null ? n.asname() : n.name(), n.lineno() > 0 ? n.lineno() : statementLine);
        return n;
    }

    @Override
    public Ast.ExceptHandler visitExceptHandler(Ast.ExceptHandler n) {
        check(n.name(), n.lineno());
        return super.visitExceptHandler(n);
    }
}
