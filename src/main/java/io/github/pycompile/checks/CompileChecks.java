package io.github.pycompile.checks;

import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.symtable.FutureFeatures;
import io.github.pycompile.symtable.SymbolTable;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The SyntaxErrors CPython's code generator ({@code compile.c}) raises, for targets without a back end:
 * the tree is walked in the order the compiler visits it, without emitting anything, and the first
 * error the compiler would meet is raised with the location the compiler would give it.
 *
 * <p>Locations follow two models. Up to 3.11 the compiler keeps a current location per code unit: a
 * statement sets it, an expression sets it for its own visit and puts the old one back, and a few
 * paths leave it somewhere unexpected (unwinding a {@code finally} block for {@code break} puts the
 * line back but keeps the columns of the last statement of the block). From 3.12 each error names the
 * node it is about. Constructs whose errors are not reproduced here (match statements) are refused.
 */
final class CompileChecks {
    /** A SyntaxError at a location (0-based columns, -1 when absent). */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String msg;
        final int lineno;
        final int col;
        final int endLineno;
        final int endCol;

        Failure(String msg, int lineno, int col, int endLineno, int endCol) {
            super(msg, null, false, false);
            this.msg = msg;
            this.lineno = lineno;
            this.col = col;
            this.endLineno = endLineno;
            this.endCol = endCol;
        }
    }

    private enum UnitKind { MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION }

    private enum BlockKind { WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH,
        HANDLER_CLEANUP, EXCEPTION_GROUP_HANDLER }

    private record Block(BlockKind kind, Object datum) { }

    /** One code unit being compiled: its kind, its frame blocks, its current location. */
    private static final class Unit {
        final UnitKind kind;
        /** The symbol table found a yield in this function. */
        boolean generator;
        final List<Block> blocks = new ArrayList<>();
        int lineno = 1;
        int col = -1;
        int endLineno = -1;
        int endCol = -1;

        Unit(UnitKind kind) {
            this.kind = kind;
        }

        boolean isFunctionBlock() {
            return kind != UnitKind.MODULE && kind != UnitKind.CLASS;
        }
    }

    private final PythonVersion v;
    private final FutureFeatures future;
    private final SymbolTable symbols;
    private final boolean nodeLocations;
    /** 3.6 and 3.7 do not compile the branch of an {@code if}/{@code while} a constant test never takes. */
    private final boolean skipsDeadCode;
    /** 3.9+ check {@code __debug__} targets and repeated keywords here (3.6-3.8 in the AST builder). */
    private final boolean namesChecked;
    private Unit u;
    /** A 3.9 break/continue being unwound passed a with block. */
    private boolean leftWith39;

    private CompileChecks(PythonVersion v, FutureFeatures future, SymbolTable symbols) {
        this.v = v;
        this.future = future;
        this.symbols = symbols;
        this.nodeLocations = v.atLeast(PythonVersion.V3_12);
        this.skipsDeadCode = !v.atLeast(PythonVersion.V3_8);
        this.namesChecked = v.atLeast(PythonVersion.V3_9);
    }

    /** Walks a module as the compiler of {@code v} would; throws the first {@link Failure} it would raise. */
    static void check(Ast.ModuleNode module, PythonVersion v, FutureFeatures future, SymbolTable symbols) {
        CompileChecks c = new CompileChecks(v, future, symbols);
        c.u = new Unit(UnitKind.MODULE);
        c.statements(module.body());
    }

    // ------------------------------------------------------------ locations

    private void setLoc(Ast.Located n) {
        u.lineno = n.lineno();
        u.col = n.colOffset();
        u.endLineno = n.endLineno();
        u.endCol = n.endColOffset();
    }

    /** An error at the compiler's current location (up to 3.11) or at {@code n} (3.12+). */
    private Failure error(String msg, Ast.Located n) {
        if (nodeLocations) {
            return new Failure(msg, n.lineno(), n.colOffset(), n.endLineno(), n.endColOffset());
        }
        return new Failure(msg, u.lineno, u.col, u.endLineno, u.endCol);
    }

    /**
     * {@code expr_constant} of 3.6/3.7: 1 or 0 for a test known true or false, -1 otherwise. 3.7 folds
     * constant expressions first ({@code not 0}, {@code 1 + 1}): such a test is refused.
     */
    private int constantTest(Expr test) {
        if (test instanceof Ast.Name n) {
            return n.id().equals("__debug__") ? 1 : -1;
        }
        if (test instanceof Ast.Constant c) {
            PyObject o = c.value();
            if (o instanceof PyObject.Singleton st) {
                return st == PyObject.Singleton.NONE || st == PyObject.Singleton.FALSE ? 0 : 1;
            } else if (o instanceof PyObject.Int i) {
                return i.value().signum() != 0 ? 1 : 0;
            } else if (o instanceof PyObject.Str str) {
                return str.value().isEmpty() ? 0 : 1;
            } else if (o instanceof PyObject.Bytes b) {
                return b.value().length == 0 ? 0 : 1;
            }
            throw refuse("a constant test of this type (3.6/3.7 skip dead branches)", test);
        }
        if (v == PythonVersion.V3_7 && !hasName(test)) {
            throw refuse("a test 3.7's AST optimiser may fold (it skips dead branches)", test);
        }
        return -1;
    }

    private static boolean hasName(Expr e) {
        boolean[] found = {false};
        new io.github.pycompile.ast.AstRewriter() {
            @Override
            public Ast.Name visitName(Ast.Name n) {
                found[0] = true;
                return n;
            }
        }.expr(e);
        return found[0];
    }

    /** A binding of {@code __debug__}: the compiler's error from 3.9 on; before, the AST builder's (refused). */
    private Failure debugName(String msg, Ast.Located n) {
        if (!namesChecked) {
            throw refuse("binding __debug__ (the AST builder's error)", n);
        }
        return error(msg, n);
    }

    private static UnsupportedConstruct refuse(String what, Ast.Located n) {
        return new UnsupportedConstruct(what, n == null ? -1 : n.lineno());
    }

    // ------------------------------------------------------------ statements

    private void statements(List<Stmt> body) {
        for (Stmt s : body) {
            statement(s);
        }
    }

    private void statement(Stmt s) {
        setLoc(s);
        if (s instanceof Ast.FunctionDef f) {
            function(f, f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams(), false);
        } else if (s instanceof Ast.AsyncFunctionDef f) {
            function(f, f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams(), true);
        } else if (s instanceof Ast.ClassDef c) {
            if (c.typeParams() != null && !c.typeParams().isEmpty()) {
                throw refuse("type parameters (their errors)", c);
            }
            exprs(c.decoratorList());
            Unit outer = u;
            u = new Unit(UnitKind.CLASS);
            setLoc(c);
            statements(c.body());
            u = outer;
            callArguments(c.bases(), c.keywords(), c);
        } else if (s instanceof Ast.Return r) {
            if (!u.isFunctionBlock()) {
                throw error("'return' outside function", s);
            }
            if (r.value() != null && u.kind == UnitKind.ASYNC_FUNCTION && u.generator) {
                throw error("'return' with value in async generator", s);
            }
            if (r.value() != null) {
                expr(r.value());
            }
            if (v.atLeast(PythonVersion.V3_8)) {
                unwind(s, false);
            }
        } else if (s instanceof Ast.Delete d) {
            exprs(d.targets());
        } else if (s instanceof Ast.Assign a) {
            expr(a.value());
            exprs(a.targets());
        } else if (s instanceof Ast.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Ast.AnnAssign a) {
            annAssign(a);
        } else if (s instanceof Ast.For f) {
            loop(BlockKind.FOR_LOOP, f, f.iter(), f.target(), f.body(), f.orelse());
        } else if (s instanceof Ast.AsyncFor f) {
            if (u.kind != UnitKind.ASYNC_FUNCTION) {
                throw error("'async for' outside async function", s);
            }
            loop(BlockKind.FOR_LOOP, f, f.iter(), f.target(), f.body(), f.orelse());
        } else if (s instanceof Ast.While w) {
            if (skipsDeadCode && constantTest(w.test()) == 0) {
                statements(w.orelse()); // 3.6/3.7 compile nothing else of a `while` on a false constant
            } else {
                loop(BlockKind.WHILE_LOOP, w, w.test(), null, w.body(), w.orelse());
            }
        } else if (s instanceof Ast.If i) {
            int constant = skipsDeadCode ? constantTest(i.test()) : -1;
            if (constant == 0) {
                statements(i.orelse()); // 3.6/3.7 compile only the branch a constant test takes
            } else if (constant == 1) {
                statements(i.body());
            } else {
                expr(i.test());
                statements(i.body());
                statements(i.orelse());
            }
        } else if (s instanceof Ast.With w) {
            with(w, w.items(), w.body(), BlockKind.WITH);
        } else if (s instanceof Ast.AsyncWith w) {
            if (u.kind != UnitKind.ASYNC_FUNCTION) {
                throw error("'async with' outside async function", s);
            }
            with(w, w.items(), w.body(), BlockKind.ASYNC_WITH);
        } else if (s instanceof Ast.Raise r) {
            if (r.exc() != null) {
                expr(r.exc());
                if (r.cause() != null) {
                    expr(r.cause());
                }
            }
        } else if (s instanceof Ast.Try t) {
            tryStatement(s, t.body(), t.handlers(), t.orelse(), t.finalbody(), false);
        } else if (s instanceof Ast.TryStar t) {
            tryStatement(s, t.body(), t.handlers(), t.orelse(), t.finalbody(), true);
        } else if (s instanceof Ast.Assert a) {
            expr(a.test());
            if (a.msg() != null) {
                expr(a.msg());
            }
        } else if (s instanceof Ast.Import i) {
            for (Ast.Alias a : i.names()) {
                String stored = a.asname() != null ? a.asname() : a.name().split("\\.", 2)[0];
                if (stored.equals("__debug__")) {
                    throw debugName("cannot assign to __debug__", v.atLeast(PythonVersion.V3_14) ? a : s); // 3.14: the alias
                }
            }
        } else if (s instanceof Ast.ImportFrom i) {
            if ("__future__".equals(i.module()) && s.lineno() > future.lineno()) {
                throw error("from __future__ imports must occur at the beginning of the file", s);
            }
            for (Ast.Alias a : i.names()) {
                if ((a.asname() != null ? a.asname() : a.name()).equals("__debug__")) {
                    throw debugName("cannot assign to __debug__", v.atLeast(PythonVersion.V3_14) ? a : s); // 3.14: the alias
                }
            }
        } else if (s instanceof Ast.ExprStmt e) {
            expr(e.value());
        } else if (s instanceof Ast.Break) {
            loopJump(s, "'break' outside loop");
        } else if (s instanceof Ast.Continue) {
            loopJump(s, "'continue' not properly in loop");
        } else if (s instanceof Ast.Global || s instanceof Ast.Nonlocal || s instanceof Ast.Pass) {
            // nothing to compile
        } else {
            throw refuse(s.pyName() + " statements (their errors)", s);
        }
    }

    private void function(Stmt f, Ast.Arguments args, List<Stmt> body, List<Expr> decorators, Expr returns,
            List<Ast.TypeParam> typeParams, boolean async) {
        if (typeParams != null && !typeParams.isEmpty()) {
            throw refuse("type parameters (their errors)", f);
        }
        debugArgs(args, f);
        exprs(decorators);
        setLoc(f);
        defaults(args);
        annotations(args, returns);
        Unit outer = u;
        u = new Unit(async ? UnitKind.ASYNC_FUNCTION : UnitKind.FUNCTION);
        u.generator = symbols.scopeOf(f).isGenerator();
        setLoc(f);
        statements(body);
        u = outer;
    }

    private void defaults(Ast.Arguments args) {
        exprs(args.defaults());
        for (Expr d : args.kwDefaults()) {
            if (d != null) {
                expr(d);
            }
        }
    }

    /** A parameter may not be named {@code __debug__} (checked before anything else of a definition). */
    private void debugArgs(Ast.Arguments args, Ast.Located where) {
        List<Ast.Arg> all = new ArrayList<>(args.posonlyargs());
        all.addAll(args.args());
        if (args.vararg() != null) {
            all.add(args.vararg());
        }
        all.addAll(args.kwonlyargs());
        if (args.kwarg() != null) {
            all.add(args.kwarg());
        }
        for (Ast.Arg a : all) {
            if (a.arg().equals("__debug__")) {
                throw debugName("cannot assign to __debug__", a);
            }
        }
    }

    private void annotations(Ast.Arguments args, Expr returns) {
        if (future.annotations()) {
            return; // strings only
        }
        List<Ast.Arg> all = new ArrayList<>(args.args());
        all.addAll(args.posonlyargs());
        if (args.vararg() != null) {
            all.add(args.vararg());
        }
        all.addAll(args.kwonlyargs());
        if (args.kwarg() != null) {
            all.add(args.kwarg());
        }
        for (Ast.Arg a : all) {
            if (a.annotation() != null) {
                annotation(a.annotation());
            }
        }
        if (returns != null) {
            annotation(returns);
        }
    }

    /**
     * A parameter or return annotation. 3.14 compiles them into an annotate function, in an annotation
     * scope whose own errors (yield, await, :=) come from its symbol table: refused here.
     */
    private void annotation(Expr e) {
        if (v.atLeast(PythonVersion.V3_14) && hasScopeError(e)) {
            throw refuse("yield, await or := in an annotation (3.14's annotation scopes)", e);
        }
        expr(e);
    }

    private static boolean hasScopeError(Expr e) {
        boolean[] found = {false};
        new io.github.pycompile.ast.AstRewriter() {
            @Override
            public Expr expr(Expr n) {
                if (n instanceof Ast.Yield || n instanceof Ast.YieldFrom || n instanceof Ast.Await
                        || n instanceof Ast.NamedExpr) {
                    found[0] = true;
                    return n;
                }
                return super.expr(n);
            }
        }.expr(e);
        return found[0];
    }

    private void augAssign(Ast.AugAssign a) {
        Expr t = a.target();
        if (t instanceof Ast.Name n) {
            expr(a.value());
            if (n.id().equals("__debug__")) {
                setLoc(n);
                throw debugName("cannot assign to __debug__", n);
            }
        } else if (t instanceof Ast.Attribute at) {
            if (at.attr().equals("__debug__") && !namesChecked) {
                throw refuse("augmented assignment to an attribute __debug__ (the AST builder's error)", a);
            }
            expr(at.value());
            expr(a.value());
        } else if (t instanceof Ast.Subscript sub) {
            expr(sub.value());
            expr(sub.slice());
            expr(a.value());
        } else {
            throw refuse("this augmented assignment target", a);
        }
    }

    private void annAssign(Ast.AnnAssign a) {
        if (v.atLeast(PythonVersion.V3_14)) {
            annAssign314(a);
            return;
        }
        if (a.value() != null) {
            expr(a.value());
            expr(a.target());
        }
        Expr t = a.target();
        boolean evaluated = !future.annotations() && (u.kind == UnitKind.MODULE || u.kind == UnitKind.CLASS);
        if (t instanceof Ast.Name n) {
            if (n.id().equals("__debug__")) {
                throw debugName("cannot assign to __debug__", a);
            }
            if (evaluated && a.simple() != 0) {
                annotation(a.annotation());
            } else if (evaluated) {
                expr(a.annotation());
            }
        } else if (t instanceof Ast.Attribute at) {
            if (a.value() == null && at.attr().equals("__debug__")) {
                throw debugName("cannot assign to __debug__", a); // the statement's location
            }
            if (a.value() == null) {
                expr(at.value());
            }
            if (evaluated) {
                expr(a.annotation());
            }
        } else if (t instanceof Ast.Subscript sub) {
            if (a.value() == null) {
                expr(sub.value());
                expr(sub.slice());
            }
            if (evaluated) {
                expr(a.annotation());
            }
        } else {
            throw refuse("this annotated assignment target", a);
        }
    }

    /**
     * Enters a frame block. A code unit holds at most 20 ({@code CO_MAXBLOCKS}); 3.6-3.8 raise their
     * error without a location. Only nests of loops are counted exactly here (the other statements'
     * block counts differ by version): a deep nest holding anything else is refused.
     */
    private void push(Block b, Ast.Located where) {
        if (u.blocks.size() >= 15) {
            boolean loops = b.kind == BlockKind.WHILE_LOOP || b.kind == BlockKind.FOR_LOOP;
            for (Block x : u.blocks) {
                loops &= x.kind == BlockKind.WHILE_LOOP || x.kind == BlockKind.FOR_LOOP;
            }
            if (!loops || v.atLeast(PythonVersion.V3_9)) {
                throw refuse("blocks nested this deep (CPython's limit of 20)", where);
            }
            if (u.blocks.size() >= 20) {
                throw new Failure("too many statically nested blocks", -1, -2, -1, -2);
            }
        }
        u.blocks.add(b);
    }

    /**
     * 3.14: the target as before (a name {@code __debug__} is reported at the name); the annotation goes
     * into the module's or class's annotate function, compiled after the body, so an error in it is refused.
     */
    private void annAssign314(Ast.AnnAssign a) {
        if (a.value() != null) {
            expr(a.value());
            expr(a.target());
        }
        if (!(a.target() instanceof Ast.Name n)) {
            throw refuse("annotated assignments to attributes and subscripts (3.14)", a);
        }
        if (n.id().equals("__debug__")) {
            throw error("cannot assign to __debug__", n);
        }
        if (!future.annotations() && (u.kind == UnitKind.MODULE || u.kind == UnitKind.CLASS)) {
            if (hasScopeError(a.annotation())) {
                throw refuse("yield, await or := in an annotation (3.14's annotation scopes)", a);
            }
            try {
                expr(a.annotation());
            } catch (Failure f) {
                throw refuse("an error inside a deferred annotation (3.14)", a);
            }
        }
    }

    private void loop(BlockKind kind, Stmt s, Expr iterOrTest, Expr target, List<Stmt> body, List<Stmt> orelse) {
        expr(iterOrTest);
        push(new Block(kind, s), s);
        if (target != null) {
            expr(target);
        }
        statements(body);
        u.blocks.remove(u.blocks.size() - 1);
        statements(orelse);
    }

    private void with(Stmt s, List<Ast.WithItem> items, List<Stmt> body, BlockKind kind) {
        for (Ast.WithItem w : items) {
            expr(w.contextExpr());
            push(new Block(kind, s), s);
            if (w.optionalVars() != null) {
                expr(w.optionalVars());
            }
        }
        statements(body);
        for (int i = 0; i < items.size(); i++) {
            u.blocks.remove(u.blocks.size() - 1);
        }
    }

    private void tryStatement(Stmt s, List<Stmt> body, List<Ast.ExceptHandler> handlers, List<Stmt> orelse,
            List<Stmt> finalbody, boolean star) {
        if (star) {
            throw refuse("try/except* (its errors)", s);
        }
        if (!finalbody.isEmpty()) {
            push(new Block(BlockKind.FINALLY_TRY, finalbody), s);
            if (!handlers.isEmpty()) {
                tryExcept(s, body, handlers, orelse);
            } else {
                statements(body);
            }
            u.blocks.remove(u.blocks.size() - 1);
            push(new Block(BlockKind.FINALLY_END, null), s);
            statements(finalbody);
            u.blocks.remove(u.blocks.size() - 1);
        } else {
            tryExcept(s, body, handlers, orelse);
        }
    }

    private void tryExcept(Stmt s, List<Stmt> body, List<Ast.ExceptHandler> handlers, List<Stmt> orelse) {
        push(new Block(BlockKind.TRY_EXCEPT, null), s);
        statements(body);
        u.blocks.remove(u.blocks.size() - 1);
        for (int i = 0; i < handlers.size(); i++) {
            Ast.ExceptHandler h = handlers.get(i);
            if (v.atLeast(PythonVersion.V3_10)) {
                setLoc(h);
            }
            if (h.type() == null && i < handlers.size() - 1) {
                throw error("default 'except:' must be last", h);
            }
            if (h.type() != null) {
                expr(h.type());
            }
            if ("__debug__".equals(h.name())) {
                setLoc(h);
                throw debugName("cannot assign to __debug__", h);
            }
            push(new Block(BlockKind.HANDLER_CLEANUP, h), h);
            statements(h.body());
            u.blocks.remove(u.blocks.size() - 1);
        }
        statements(orelse);
    }

    /**
     * {@code break}/{@code continue}: the frame blocks are unwound from the innermost until a loop; a
     * {@code finally} body on the way is compiled again there (its errors come first), and up to 3.11
     * only the line of the current location is put back afterwards.
     */
    private void loopJump(Stmt s, String msg) {
        if (!v.atLeast(PythonVersion.V3_8)) {
            loopJump37(s, msg);
            return;
        }
        int line = u.lineno;
        int col = u.col;
        int endLine = u.endLineno;
        int endCol = u.endCol;
        leftWith39 = false;
        boolean found = unwind(s, true);
        if (!found && leftWith39) {
            throw refuse("break or continue outside a loop, leaving a with block (3.9's location)", s);
        }
        u.lineno = line;
        if (v == PythonVersion.V3_8) {
            // 3.8 puts the whole location back
            u.col = col;
            u.endLineno = endLine;
            u.endCol = endCol;
        }
        if (!found) {
            throw error(msg, s);
        }
    }

    /**
     * 3.6/3.7: {@code break} needs a loop anywhere in the unit's blocks; {@code continue} needs one too
     * and may not appear in a {@code finally} body (even inside a try or except within it).
     */
    private void loopJump37(Stmt s, String msg) {
        boolean inLoop = false;
        for (Block b : u.blocks) {
            inLoop |= b.kind == BlockKind.WHILE_LOOP || b.kind == BlockKind.FOR_LOOP;
        }
        if (s instanceof Ast.Break) {
            if (!inLoop) {
                throw error(msg, s);
            }
            return;
        }
        List<BlockKind> kinds = new ArrayList<>();
        for (Block b : u.blocks) {
            BlockKind k = b.kind;
            if (k == BlockKind.WITH || k == BlockKind.ASYNC_WITH) {
                k = BlockKind.FINALLY_TRY;
            } else if (k == BlockKind.HANDLER_CLEANUP) {
                if (((Ast.ExceptHandler) b.datum).name() == null) {
                    continue; // an unnamed handler pushes no block
                }
                k = BlockKind.FINALLY_TRY;
            }
            kinds.add(k);
        }
        if (kinds.isEmpty()) {
            throw error(msg, s);
        }
        int i = kinds.size() - 1;
        switch (kinds.get(i)) {
            case WHILE_LOOP, FOR_LOOP -> { }
            case FINALLY_END -> throw error("'continue' not supported inside 'finally' clause", s);
            default -> {
                while (--i >= 0 && kinds.get(i) != BlockKind.WHILE_LOOP && kinds.get(i) != BlockKind.FOR_LOOP) {
                    if (kinds.get(i) == BlockKind.FINALLY_END) {
                        throw error("'continue' not supported inside 'finally' clause", s);
                    }
                }
                if (i < 0) {
                    throw error(msg, s);
                }
            }
        }
    }

    /** Unwinds the frame blocks; true when a loop was reached ({@code toLoop}). */
    private boolean unwind(Stmt s, boolean toLoop) {
        List<Block> saved = new ArrayList<>(u.blocks);
        try {
            while (!u.blocks.isEmpty()) {
                Block top = u.blocks.remove(u.blocks.size() - 1);
                if (top.kind == BlockKind.EXCEPTION_GROUP_HANDLER) {
                    throw refuse("break, continue or return in an except* block (its error)", s);
                }
                if (toLoop && (top.kind == BlockKind.WHILE_LOOP || top.kind == BlockKind.FOR_LOOP)) {
                    return true;
                }
                if (top.kind == BlockKind.FINALLY_TRY) {
                    @SuppressWarnings("unchecked")
                    List<Stmt> fin = (List<Stmt>) top.datum;
                    statements(fin);
                } else if (top.kind == BlockKind.WITH || top.kind == BlockKind.ASYNC_WITH) {
                    if (!nodeLocations) {
                        if (v == PythonVersion.V3_9) {
                            leftWith39 = true; // where 3.9 then reports a missing loop is not modelled
                        }
                        if (v.atLeast(PythonVersion.V3_10)) {
                            setLoc((Ast.Located) top.datum);
                        }
                    }
                }
            }
            return false;
        } finally {
            u.blocks.clear();
            u.blocks.addAll(saved);
        }
    }

    // ------------------------------------------------------------ expressions

    private void exprs(List<Expr> es) {
        for (Expr e : es) {
            if (e != null) {
                expr(e);
            }
        }
    }

    private void expr(Expr e) {
        int l = u.lineno;
        int c = u.col;
        int el = u.endLineno;
        int ec = u.endCol;
        setLoc(e);
        expr1(e);
        u.lineno = l;
        u.col = c;
        u.endLineno = el;
        u.endCol = ec;
    }

    private void expr1(Expr e) {
        if (e instanceof Ast.Name n) {
            if (n.id().equals("__debug__")) {
                if (n.ctx() == Ast.ExprContext.Store) {
                    throw debugName("cannot assign to __debug__", n);
                }
                if (n.ctx() == Ast.ExprContext.Del && v.atLeast(PythonVersion.V3_10)) {
                    throw debugName("cannot delete __debug__", n); // 3.9 deletes it without complaint
                }
            }
        } else if (e instanceof Ast.Constant) {
            // nothing
        } else if (e instanceof Ast.Attribute a) {
            if (a.ctx() == Ast.ExprContext.Store && a.attr().equals("__debug__")) {
                throw debugName("cannot assign to __debug__", a); // deleting the attribute is allowed
            }
            expr(a.value());
        } else if (e instanceof Ast.Subscript s) {
            expr(s.value());
            expr(s.slice());
        } else if (e instanceof Ast.Starred s) {
            if (s.ctx() == Ast.ExprContext.Store) {
                throw error("starred assignment target must be in a list or tuple", s);
            }
            throw error("can't use starred expression here", s);
        } else if (e instanceof Ast.BinOp b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Ast.UnaryOp o) {
            expr(o.operand());
        } else if (e instanceof Ast.BoolOp b) {
            exprs(b.values());
        } else if (e instanceof Ast.Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof Ast.Call c) {
            expr(c.func());
            callArguments(c.args(), c.keywords(), c);
        } else if (e instanceof Ast.TupleExpr t) {
            sequence(t.elts(), t.ctx(), t);
        } else if (e instanceof Ast.ListExpr t) {
            sequence(t.elts(), t.ctx(), t);
        } else if (e instanceof Ast.SetExpr t) {
            sequence(t.elts(), Ast.ExprContext.Load, t);
        } else if (e instanceof Ast.DictExpr d) {
            for (int i = 0; i < d.values().size(); i++) {
                if (d.keys().get(i) != null) {
                    expr(d.keys().get(i));
                }
                expr(d.values().get(i));
            }
        } else if (e instanceof Ast.IfExp i) {
            expr(i.test());
            expr(i.body());
            expr(i.orelse());
        } else if (e instanceof Ast.Slice s) {
            if (s.lower() != null) {
                expr(s.lower());
            }
            if (s.upper() != null) {
                expr(s.upper());
            }
            if (s.step() != null) {
                expr(s.step());
            }
        } else if (e instanceof Ast.Lambda l) {
            debugArgs(l.args(), l);
            defaults(l.args());
            Unit outer = u;
            u = new Unit(UnitKind.LAMBDA);
            setLoc(l);
            expr(l.body());
            u = outer;
        } else if (e instanceof Ast.ListComp c) {
            comprehension(c, c.generators(), c.elt(), null, false);
        } else if (e instanceof Ast.SetComp c) {
            comprehension(c, c.generators(), c.elt(), null, false);
        } else if (e instanceof Ast.DictComp c) {
            comprehension(c, c.generators(), c.key(), c.value(), false);
        } else if (e instanceof Ast.GeneratorExp c) {
            comprehension(c, c.generators(), c.elt(), null, true);
        } else if (e instanceof Ast.Yield y) {
            if (!u.isFunctionBlock()) {
                throw error("'yield' outside function", y);
            }
            if (y.value() != null) {
                expr(y.value());
            }
        } else if (e instanceof Ast.YieldFrom y) {
            if (!u.isFunctionBlock()) {
                throw error(v.atLeast(PythonVersion.V3_13) ? "'yield from' outside function" : "'yield' outside function", y);
            }
            if (u.kind == UnitKind.ASYNC_FUNCTION) {
                throw error("'yield from' inside async function", y);
            }
            expr(y.value());
        } else if (e instanceof Ast.Await a) {
            if (!u.isFunctionBlock()) {
                throw error("'await' outside function", a);
            }
            if (u.kind != UnitKind.ASYNC_FUNCTION && u.kind != UnitKind.COMPREHENSION) {
                throw error("'await' outside async function", a);
            }
            expr(a.value());
        } else if (e instanceof Ast.NamedExpr n) {
            expr(n.value());
            expr(n.target());
        } else if (e instanceof Ast.JoinedStr j) {
            exprs(j.values());
        } else if (e instanceof Ast.FormattedValue f) {
            expr(f.value());
            if (f.formatSpec() != null) {
                expr(f.formatSpec());
            }
        } else {
            throw refuse(e.pyName() + " expressions (their errors)", e);
        }
    }

    /** A list, tuple or set display or target: starred items are checked by the enclosing construct. */
    private void sequence(List<Expr> elts, Ast.ExprContext ctx, Expr node) {
        if (ctx == Ast.ExprContext.Store) {
            int starred = 0;
            for (Expr x : elts) {
                if (x instanceof Ast.Starred) {
                    starred++;
                }
            }
            if (starred > 1) {
                throw refuse("multiple starred assignment targets (their error)", node);
            }
            if (starred == 1 && elts.size() > 256) {
                throw refuse("star-unpacking of this many items (its error)", node);
            }
        }
        for (Expr x : elts) {
            expr(x instanceof Ast.Starred st ? st.value() : x);
        }
    }

    /** Call arguments (and class bases): keyword names checked first, then the values in order. */
    private void callArguments(List<Expr> args, List<Ast.Keyword> keywords, Ast.Located call) {
        for (int i = 0; i < keywords.size(); i++) {
            String a = keywords.get(i).arg();
            if (a == null) {
                continue;
            }
            if (a.equals("__debug__")) {
                throw debugName("cannot assign to __debug__", keywords.get(i));
            }
            for (int j = i + 1; j < keywords.size(); j++) {
                if (a.equals(keywords.get(j).arg())) {
                    if (!namesChecked) {
                        throw refuse("a repeated keyword argument (the AST builder's error)", keywords.get(j));
                    }
                    setLoc(keywords.get(j));
                    throw error("keyword argument repeated: " + a, keywords.get(j));
                }
            }
        }
        for (Expr a : args) {
            expr(a instanceof Ast.Starred st ? st.value() : a);
        }
        for (Ast.Keyword k : keywords) {
            expr(k.value());
        }
    }

    private void comprehension(Expr node, List<Ast.Comprehension> gens, Expr elt, Expr value, boolean generator) {
        boolean async = false;
        for (Ast.Comprehension g : gens) {
            async |= g.isAsync() != 0;
        }
        if (async || containsAwait(node)) {
            throw refuse("asynchronous comprehensions (their errors)", node);
        }
        if (nodeLocations) {
            expr(gens.get(0).iter());
        }
        Unit outer = u;
        u = new Unit(UnitKind.COMPREHENSION);
        setLoc(node);
        for (int i = 0; i < gens.size(); i++) {
            Ast.Comprehension g = gens.get(i);
            if (i > 0) {
                expr(g.iter());
            }
            expr(g.target());
            exprs(g.ifs());
        }
        expr(elt);
        if (value != null) {
            expr(value);
        }
        u = outer;
        if (!nodeLocations) {
            expr(gens.get(0).iter());
        }
    }

    private static boolean containsAwait(Expr e) {
        boolean[] found = {false};
        new io.github.pycompile.ast.AstRewriter() {
            @Override
            public Ast.Await visitAwait(Ast.Await n) {
                found[0] = true;
                return n;
            }
        }.expr(e);
        return found[0];
    }
}
