package io.github.pycompile.symtable;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.target.PythonVersion;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CPython 3.11's symbol table ({@code Python/symtable.c}): a first pass records every name each block
 * defines or uses, with its flags; the analysis then gives each name its scope (local, global
 * explicit or implicit, free, cell), passing bound names down and free names up as
 * {@code analyze_block} does, with the class-block special cases ({@code __class__},
 * {@code DEF_FREE_CLASS}).
 *
 * <p>The errors symtable.c raises are refused for now ({@link UnsupportedFeatureException}) until
 * their exact messages and positions are reproduced; so are named expressions inside comprehensions.
 */
public final class SymbolTable {
    private final Map<Ast.Node, Scope> byNode = new IdentityHashMap<>();
    private final Scope top;
    private final PythonVersion target;
    private final FutureFeatures future;
    private Scope cur;

    private SymbolTable(PythonVersion target, FutureFeatures future) {
        this.target = target;
        this.future = future;
        this.top = new Scope(Scope.Kind.MODULE, "top", 0, 0, null, null);
        this.cur = top;
    }

    /** Builds and analyses the table of a module. */
    public static SymbolTable build(Ast.ModuleNode module, String filename, PythonVersion target, FutureFeatures future,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        SymbolTable st = new SymbolTable(target, future);
        try {
            st.statements(module.body());
            st.analyze();
        } catch (UnsupportedConstruct r) {
            throw r.toException(target);
        } catch (Failure f) {
            throw new PythonError("SyntaxError", f.msg, filename, f.lineno, f.col + 1, null, f.endLineno, f.endCol + 1);
        }
        return st;
    }

    /** A SyntaxError of the symbol table, at a node's range (columns in UTF-8 bytes, as CPython reports them here). */
    private static final class Failure extends RuntimeException {
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

        Failure(String msg, Ast.Located at) {
            this(msg, at.lineno(), at.colOffset(), at.endLineno(), at.endColOffset());
        }
    }

    public Scope top() {
        return top;
    }

    /** The block CPython creates for this node (by identity). */
    public Scope scopeOf(Ast.Node node) {
        Scope s = byNode.get(node);
        if (s == null) {
            throw new IllegalStateException("no scope for " + node.pyName() + " (this is a bug)");
        }
        return s;
    }

    // ------------------------------------------------------------ first pass

    private void addDef(String name, int flag, int line) {
        addDef(cur, name, flag, line);
    }

    private void addDef(Scope cur, String name, int flag, int line) {
        String mangled = Symbols.mangle(cur.privateName, name);
        Integer old = cur.symbols.get(mangled);
        int val = flag;
        if (old != null) {
            if ((flag & Symbols.DEF_PARAM) != 0 && (old & Symbols.DEF_PARAM) != 0) {
                throw new UnsupportedConstruct("duplicate arguments (their error)", line);
            }
            val |= old;
        }
        if (cur.compIterTarget) {
            if ((val & (Symbols.DEF_GLOBAL | Symbols.DEF_NONLOCAL)) != 0) {
                throw new UnsupportedConstruct("comprehension iteration variables bound by := (their error)", line);
            }
            val |= Symbols.DEF_COMP_ITER;
        }
        cur.symbols.put(mangled, val);
        if ((flag & Symbols.DEF_PARAM) != 0) {
            cur.varnames.add(mangled);
        } else if ((flag & Symbols.DEF_GLOBAL) != 0) {
            // a global declaration anywhere also marks the name in the module's own table (st_global)
            top.symbols.merge(mangled, flag, (a, b2) -> a | b2);
        }
    }

    private Scope enter(Scope.Kind kind, String name, Ast.Node node, int lineno, int col) {
        String priv = kind == Scope.Kind.CLASS ? name : cur.privateName;
        Scope s = new Scope(kind, name, lineno, col, cur, priv);
        cur.children.add(s);
        byNode.put(node, s);
        cur = s;
        return s;
    }

    private void exit() {
        cur = cur.parent;
    }

    private void statements(List<Stmt> body) {
        for (Stmt s : body) {
            statement(s);
        }
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) {
            if (e != null) {
                expr(e);
            }
        }
    }

    private void statement(Stmt s) {
        if (s instanceof Ast.FunctionDef f) {
            function(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), false, f.lineno(), f.colOffset());
        } else if (s instanceof Ast.AsyncFunctionDef f) {
            function(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), true, f.lineno(), f.colOffset());
        } else if (s instanceof Ast.ClassDef c) {
            addDef(c.name(), Symbols.DEF_LOCAL, c.lineno());
            exprs(c.bases());
            for (Ast.Keyword k : c.keywords()) {
                expr(k.value());
            }
            exprs(c.decoratorList());
            enter(Scope.Kind.CLASS, c.name(), c, c.lineno(), c.colOffset());
            statements(c.body());
            exit();
        } else if (s instanceof Ast.Return r) {
            if (r.value() != null) {
                expr(r.value());
                cur.returnsValue = true;
            }
        } else if (s instanceof Ast.Delete d) {
            exprs(d.targets());
        } else if (s instanceof Ast.Assign a) {
            exprs(a.targets());
            expr(a.value());
        } else if (s instanceof Ast.AnnAssign a) {
            if (a.target() instanceof Ast.Name n) {
                int old = cur.symbols.getOrDefault(Symbols.mangle(cur.privateName, n.id()), 0);
                if ((old & (Symbols.DEF_GLOBAL | Symbols.DEF_NONLOCAL)) != 0 && cur != top && a.simple() != 0) {
                    throw new Failure("annotated name '" + n.id() + "' can't be "
                            + ((old & Symbols.DEF_GLOBAL) != 0 ? "global" : "nonlocal"), a);
                }
                if (a.simple() != 0) {
                    addDef(n.id(), Symbols.DEF_ANNOT | Symbols.DEF_LOCAL, n.lineno());
                } else if (a.value() != null) {
                    addDef(n.id(), Symbols.DEF_LOCAL, n.lineno());
                }
            } else {
                expr(a.target());
            }
            annotation(a.annotation());
            if (a.value() != null) {
                expr(a.value());
            }
        } else if (s instanceof Ast.AugAssign a) {
            expr(a.target());
            expr(a.value());
        } else if (s instanceof Ast.For f) {
            expr(f.target());
            expr(f.iter());
            statements(f.body());
            statements(f.orelse());
        } else if (s instanceof Ast.AsyncFor f) {
            expr(f.target());
            expr(f.iter());
            statements(f.body());
            statements(f.orelse());
        } else if (s instanceof Ast.While w) {
            expr(w.test());
            statements(w.body());
            statements(w.orelse());
        } else if (s instanceof Ast.If i) {
            expr(i.test());
            statements(i.body());
            statements(i.orelse());
        } else if (s instanceof Ast.Match m) {
            expr(m.subject());
            for (Ast.MatchCase mc : m.cases()) {
                pattern(mc.pattern());
                if (mc.guard() != null) {
                    expr(mc.guard());
                }
                statements(mc.body());
            }
        } else if (s instanceof Ast.Raise r) {
            if (r.exc() != null) {
                expr(r.exc());
                if (r.cause() != null) {
                    expr(r.cause());
                }
            }
        } else if (s instanceof Ast.Try t) {
            tryParts(t.body(), t.handlers(), t.orelse(), t.finalbody());
        } else if (s instanceof Ast.TryStar t) {
            tryParts(t.body(), t.handlers(), t.orelse(), t.finalbody());
        } else if (s instanceof Ast.Assert a) {
            expr(a.test());
            if (a.msg() != null) {
                expr(a.msg());
            }
        } else if (s instanceof Ast.Import i) {
            for (Ast.Alias a : i.names()) {
                importAlias(a);
            }
        } else if (s instanceof Ast.ImportFrom i) {
            for (Ast.Alias a : i.names()) {
                importAlias(a);
            }
        } else if (s instanceof Ast.Global g) {
            for (String n : g.names()) {
                declaration(g, n, "global");
                addDef(n, Symbols.DEF_GLOBAL, g.lineno());
            }
        } else if (s instanceof Ast.Nonlocal g) {
            for (String n : g.names()) {
                declaration(g, n, "nonlocal");
                addDef(n, Symbols.DEF_NONLOCAL, g.lineno());
            }
        } else if (s instanceof Ast.ExprStmt e) {
            expr(e.value());
        } else if (s instanceof Ast.With w) {
            withItems(w.items());
            statements(w.body());
        } else if (s instanceof Ast.AsyncWith w) {
            withItems(w.items());
            statements(w.body());
        } else if (s instanceof Ast.Pass || s instanceof Ast.Break || s instanceof Ast.Continue) {
            // nothing to record
        } else {
            throw new UnsupportedConstruct(s.pyName() + " statements", s.lineno());
        }
    }

    /** A pattern: captured names (and a mapping's rest) are local definitions, values are loads. */
    private void pattern(Ast.Pattern p) {
        if (p instanceof Ast.MatchValue v) {
            expr(v.value());
        } else if (p instanceof Ast.MatchSequence q) {
            for (Ast.Pattern x : q.patterns()) {
                pattern(x);
            }
        } else if (p instanceof Ast.MatchStar st) {
            if (st.name() != null) {
                addDef(st.name(), Symbols.DEF_LOCAL, st.lineno());
            }
        } else if (p instanceof Ast.MatchMapping mm) {
            for (Expr k : mm.keys()) {
                expr(k);
            }
            for (Ast.Pattern x : mm.patterns()) {
                pattern(x);
            }
            if (mm.rest() != null) {
                addDef(mm.rest(), Symbols.DEF_LOCAL, mm.lineno());
            }
        } else if (p instanceof Ast.MatchClass mc) {
            expr(mc.cls());
            for (Ast.Pattern x : mc.patterns()) {
                pattern(x);
            }
            for (Ast.Pattern x : mc.kwdPatterns()) {
                pattern(x);
            }
        } else if (p instanceof Ast.MatchAs as) {
            if (as.pattern() != null) {
                pattern(as.pattern());
            }
            if (as.name() != null) {
                addDef(as.name(), Symbols.DEF_LOCAL, as.lineno());
            }
        } else if (p instanceof Ast.MatchOr or) {
            for (Ast.Pattern x : or.patterns()) {
                pattern(x);
            }
        }
        // MatchSingleton: nothing
    }

    private void tryParts(List<Stmt> body, List<Ast.ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody) {
        statements(body);
        statements(orelse);
        for (Ast.ExceptHandler h : handlers) {
            if (h.type() != null) {
                expr(h.type());
            }
            if (h.name() != null) {
                addDef(h.name(), Symbols.DEF_LOCAL, h.lineno());
            }
            statements(h.body());
        }
        statements(finalbody);
    }

    private void withItems(List<Ast.WithItem> items) {
        for (Ast.WithItem w : items) {
            expr(w.contextExpr());
            if (w.optionalVars() != null) {
                expr(w.optionalVars());
            }
        }
    }

    /** A name in a {@code global} or {@code nonlocal} statement: CPython's errors when it was seen before; recorded. */
    private void declaration(Ast.Stmt s, String n, String kind) {
        int old = cur.symbols.getOrDefault(Symbols.mangle(cur.privateName, n), 0);
        if ((old & (Symbols.DEF_PARAM | Symbols.DEF_LOCAL | Symbols.USE | Symbols.DEF_ANNOT)) != 0) {
            String msg = (old & Symbols.DEF_PARAM) != 0 ? "name '" + n + "' is parameter and " + kind
                    : (old & Symbols.USE) != 0 ? "name '" + n + "' is used prior to " + kind + " declaration"
                    : (old & Symbols.DEF_ANNOT) != 0 ? "annotated name '" + n + "' can't be " + kind
                    : "name '" + n + "' is assigned to before " + kind + " declaration";
            throw new Failure(msg, s);
        }
        cur.directives.putIfAbsent(Symbols.mangle(cur.privateName, n), s);
    }

    private void importAlias(Ast.Alias a) {
        String store = a.asname() != null ? a.asname() : a.name();
        int dot = store.indexOf('.');
        if (dot >= 0) {
            store = store.substring(0, dot);
        }
        if (store.equals("*")) {
            if (cur.kind != Scope.Kind.MODULE) {
                throw blockOr("import * only allowed at module level", a);
            }
            return;
        }
        addDef(store, Symbols.DEF_IMPORT, a.lineno());
    }

    private void function(Ast.Node node, String name, Ast.Arguments args, List<Stmt> body, List<Expr> decorators,
            Expr returns, boolean async, int lineno, int col) {
        addDef(name, Symbols.DEF_LOCAL, lineno);
        exprs(args.defaults());
        exprs(args.kwDefaults());
        annotations(args, returns);
        exprs(decorators);
        Scope s = enter(Scope.Kind.FUNCTION, name, node, lineno, col);
        if (async) {
            s.coroutine = true;
        }
        parameters(args);
        statements(body);
        exit();
    }

    private void annotations(Ast.Arguments args, Expr returns) {
        for (List<Ast.Arg> list : List.of(args.posonlyargs(), args.args(), args.kwonlyargs())) {
            for (Ast.Arg a : list) {
                if (a.annotation() != null) {
                    annotation(a.annotation());
                }
            }
        }
        if (args.vararg() != null && args.vararg().annotation() != null) {
            annotation(args.vararg().annotation());
        }
        if (args.kwarg() != null && args.kwarg().annotation() != null) {
            annotation(args.kwarg().annotation());
        }
        if (returns != null) {
            annotation(returns);
        }
    }

    /**
     * Under {@code from __future__ import annotations} an annotation is only text: its names bind and
     * reference nothing in the enclosing scope (CPython walks it in a separate annotation block).
     * What that block rejects (yield, await, walrus) is refused.
     */
    private void annotation(Expr e) {
        if (future.annotations()) {
            if (containsAnnotationForbidden(e)) {
                throw new UnsupportedConstruct("yield, await or := in a string annotation (their error)", e.lineno());
            }
            return;
        }
        expr(e);
    }

    private static boolean containsAnnotationForbidden(Expr annotation) {
        boolean[] found = {false};
        new io.github.pycompile.ast.AstRewriter() {
            @Override
            public Ast.Yield visitYield(Ast.Yield n) {
                found[0] = true;
                return n;
            }

            @Override
            public Ast.YieldFrom visitYieldFrom(Ast.YieldFrom n) {
                found[0] = true;
                return n;
            }

            @Override
            public Ast.Await visitAwait(Ast.Await n) {
                found[0] = true;
                return n;
            }

            @Override
            public Ast.NamedExpr visitNamedExpr(Ast.NamedExpr n) {
                found[0] = true;
                return n;
            }

            @Override
            public Ast.Lambda visitLambda(Ast.Lambda n) {
                visitArguments(n.args()); // a lambda's body is its own scope
                return n;
            }
        }.expr(annotation);
        return found[0];
    }

    private void parameters(Ast.Arguments args) {
        for (Ast.Arg a : args.posonlyargs()) {
            parameter(a);
        }
        for (Ast.Arg a : args.args()) {
            parameter(a);
        }
        for (Ast.Arg a : args.kwonlyargs()) {
            parameter(a);
        }
        if (args.vararg() != null) {
            parameter(args.vararg());
            cur.varargs = true;
        }
        if (args.kwarg() != null) {
            parameter(args.kwarg());
            cur.varkeywords = true;
        }
    }

    private void parameter(Ast.Arg a) {
        Integer old = cur.symbols.get(Symbols.mangle(cur.privateName, a.arg()));
        if (old != null && (old & Symbols.DEF_PARAM) != 0) {
            throw blockOr("duplicate argument '" + a.arg() + "' in function definition", a);
        }
        addDef(a.arg(), Symbols.DEF_PARAM, a.lineno());
    }

    private void expr(Expr e) {
        if (e instanceof Ast.Name n) {
            if (n.ctx() != Ast.ExprContext.Load && cur.compIterTarget) {
                int old = cur.symbols.getOrDefault(Symbols.mangle(cur.privateName, n.id()), 0);
                if ((old & (Symbols.DEF_GLOBAL | Symbols.DEF_NONLOCAL)) != 0) {
                    throw new Failure("comprehension inner loop cannot rebind assignment expression target '" + n.id()
                            + "'", n);
                }
            }
            addDef(n.id(), n.ctx() == Ast.ExprContext.Load ? Symbols.USE : Symbols.DEF_LOCAL, n.lineno());
            if (n.ctx() == Ast.ExprContext.Load && cur.kind == Scope.Kind.FUNCTION && n.id().equals("super")) {
                addDef("__class__", Symbols.USE, n.lineno());
            }
        } else if (e instanceof Ast.Constant) {
            // nothing
        } else if (e instanceof Ast.Attribute a) {
            expr(a.value());
        } else if (e instanceof Ast.Subscript s) {
            expr(s.value());
            expr(s.slice());
        } else if (e instanceof Ast.Starred s) {
            expr(s.value());
        } else if (e instanceof Ast.BinOp b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Ast.UnaryOp u) {
            expr(u.operand());
        } else if (e instanceof Ast.BoolOp b) {
            exprs(b.values());
        } else if (e instanceof Ast.Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof Ast.Call c) {
            expr(c.func());
            exprs(c.args());
            for (Ast.Keyword k : c.keywords()) {
                expr(k.value());
            }
        } else if (e instanceof Ast.TupleExpr t) {
            exprs(t.elts());
        } else if (e instanceof Ast.ListExpr t) {
            exprs(t.elts());
        } else if (e instanceof Ast.SetExpr t) {
            exprs(t.elts());
        } else if (e instanceof Ast.DictExpr d) {
            exprs(d.keys());
            exprs(d.values());
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
            exprs(l.args().defaults());
            exprs(l.args().kwDefaults());
            enter(Scope.Kind.FUNCTION, "lambda", l, l.lineno(), l.colOffset());
            parameters(l.args());
            expr(l.body());
            exit();
        } else if (e instanceof Ast.ListComp c) {
            comprehension(c, "listcomp", c.generators(), c.elt(), null, false);
        } else if (e instanceof Ast.SetComp c) {
            comprehension(c, "setcomp", c.generators(), c.elt(), null, false);
        } else if (e instanceof Ast.DictComp c) {
            comprehension(c, "dictcomp", c.generators(), c.key(), c.value(), false);
        } else if (e instanceof Ast.GeneratorExp c) {
            comprehension(c, "genexpr", c.generators(), c.elt(), null, true);
        } else if (e instanceof Ast.Yield y) {
            if (cur.comprehension && target.atLeast(PythonVersion.V3_8)) {
                throw yieldInComprehension(y);
            }
            if (y.value() != null) {
                expr(y.value());
            }
            cur.generator = true;
        } else if (e instanceof Ast.YieldFrom y) {
            if (cur.comprehension && target.atLeast(PythonVersion.V3_8)) {
                throw yieldInComprehension(y);
            }
            expr(y.value());
            cur.generator = true;
        } else if (e instanceof Ast.Await a) {
            expr(a.value());
            cur.coroutine = true;
        } else if (e instanceof Ast.NamedExpr n) {
            if (cur.compIterExpr > 0) {
                throw new Failure("assignment expression cannot be used in a comprehension iterable expression", n);
            }
            if (cur.comprehension) {
                extendNamedExprScope((Ast.Name) n.target());
            }
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
            throw new UnsupportedConstruct(e.pyName() + " expressions", e.lineno());
        }
    }

    /**
     * {@code symtable_extend_namedexpr_scope}: a {@code :=} inside a comprehension binds in the
     * nearest enclosing function (as nonlocal there) or module (as global).
     */
    private void extendNamedExprScope(Ast.Name target) {
        String name = target.id();
        for (Scope ste = cur; ste != null; ste = ste.parent) {
            if (ste.comprehension) {
                if ((ste.symbols.getOrDefault(Symbols.mangle(ste.privateName, name), 0) & Symbols.DEF_COMP_ITER) != 0) {
                    throw new Failure("assignment expression cannot rebind comprehension iteration variable '" + name
                            + "'", target);
                }
                continue;
            }
            if (ste.kind == Scope.Kind.FUNCTION) {
                int there = ste.symbols.getOrDefault(Symbols.mangle(ste.privateName, name), 0);
                addDef(name, (there & Symbols.DEF_GLOBAL) != 0 ? Symbols.DEF_GLOBAL : Symbols.DEF_NONLOCAL, target.lineno());
                addDef(ste, name, Symbols.DEF_LOCAL, target.lineno());
                return;
            }
            if (ste.kind == Scope.Kind.MODULE) {
                addDef(name, Symbols.DEF_GLOBAL, target.lineno());
                addDef(ste, name, Symbols.DEF_GLOBAL, target.lineno());
                return;
            }
            throw new Failure("assignment expression within a comprehension cannot be used in a class body", target);
        }
    }

    /**
     * An error placed at {@code at} (3.10+) or, before 3.10, at the block being filled (the function,
     * lambda or comprehension: CPython 3.8 and 3.9 report these at the start of the block).
     */
    private Failure blockOr(String msg, Ast.Located at) {
        if (!target.atLeast(PythonVersion.V3_10)) {
            return new Failure(msg, cur.lineno, cur.colOffset, -1, -2);
        }
        return new Failure(msg, at);
    }

    private Failure yieldInComprehension(Ast.Located y) {
        String what = switch (cur.name) {
            case "listcomp" -> "list comprehension";
            case "setcomp" -> "set comprehension";
            case "dictcomp" -> "dict comprehension";
            default -> "generator expression";
        };
        return blockOr("'yield' inside " + what, y);
    }

    private void comprehension(Expr node, String name, List<Ast.Comprehension> gens, Expr elt, Expr value,
            boolean generator) {
        Ast.Comprehension outer = gens.get(0);
        cur.compIterExpr++;
        expr(outer.iter()); // the outermost iterable is evaluated in the enclosing scope
        cur.compIterExpr--;
        Scope s = enter(Scope.Kind.FUNCTION, name, node, node.lineno(), node.colOffset());
        s.comprehension = true;
        if (outer.isAsync() != 0) {
            s.coroutine = true;
        }
        if (generator) {
            s.generator = true;
        }
        addDef(".0", Symbols.DEF_PARAM, node.lineno());
        iterTarget(outer.target());
        exprs(outer.ifs());
        for (int i = 1; i < gens.size(); i++) {
            Ast.Comprehension g = gens.get(i);
            iterTarget(g.target());
            s.compIterExpr++;
            expr(g.iter());
            s.compIterExpr--;
            exprs(g.ifs());
            if (g.isAsync() != 0) {
                s.coroutine = true;
            }
        }
        if (value != null) {
            expr(value); // dict comprehension: value before key (3.8+ evaluation order)
        }
        expr(elt);
        boolean awaitsInEnclosing = s.coroutine && !generator;
        exit();
        if (awaitsInEnclosing) {
            cur.coroutine = true; // the enclosing scope awaits the comprehension's result
        }
    }

    private void iterTarget(Expr target) {
        cur.compIterTarget = true;
        expr(target);
        cur.compIterTarget = false;
    }

    // ------------------------------------------------------------ analysis

    private void analyze() {
        analyzeBlock(top, null, new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    private void analyzeBlock(Scope ste, Set<String> bound, Set<String> free, Set<String> global) {
        Set<String> local = new LinkedHashSet<>();
        Set<String> newGlobal = new LinkedHashSet<>();
        Set<String> newFree = new LinkedHashSet<>();
        Set<String> newBound = new LinkedHashSet<>();
        if (ste.kind == Scope.Kind.CLASS) {
            newGlobal.addAll(global);
            if (bound != null) {
                newBound.addAll(bound);
            }
        }
        for (Map.Entry<String, Integer> e : ste.symbols.entrySet()) {
            analyzeName(ste, e.getKey(), e.getValue(), bound, local, free, global);
        }
        if (ste.kind != Scope.Kind.CLASS) {
            if (ste.kind == Scope.Kind.FUNCTION) {
                newBound.addAll(local);
            }
            if (bound != null) {
                newBound.addAll(bound);
            }
            newGlobal.addAll(global);
        } else {
            newBound.add("__class__");
        }
        Set<String> allFree = new LinkedHashSet<>();
        for (Scope child : ste.children) {
            Set<String> childFree = new LinkedHashSet<>(newFree);
            analyzeBlock(child, new LinkedHashSet<>(newBound), childFree, new LinkedHashSet<>(newGlobal));
            allFree.addAll(childFree);
            if (child.free || child.childFree) {
                ste.childFree = true;
            }
        }
        newFree.addAll(allFree);
        if (ste.kind == Scope.Kind.FUNCTION) {
            for (Map.Entry<String, Integer> e : ste.scopes.entrySet()) {
                if (e.getValue() == Symbols.LOCAL && newFree.contains(e.getKey())) {
                    e.setValue(Symbols.CELL);
                    newFree.remove(e.getKey());
                }
            }
        } else if (ste.kind == Scope.Kind.CLASS) {
            if (newFree.remove("__class__")) {
                ste.needsClassClosure = true;
            }
        }
        updateSymbols(ste, bound, newFree);
        free.addAll(newFree);
    }

    /** An error placed at the first {@code global}/{@code nonlocal} statement of the scope naming {@code name}. */
    private static RuntimeException atDirective(Scope ste, String name, String msg) {
        Ast.Stmt s = ste.directives.get(name);
        if (s == null) {
            return new UnsupportedConstruct(msg + " (no directive recorded)", ste.lineno);
        }
        return new Failure(msg, s);
    }

    private void analyzeName(Scope ste, String name, int flags, Set<String> bound, Set<String> local, Set<String> free,
            Set<String> global) {
        if ((flags & Symbols.DEF_GLOBAL) != 0) {
            if ((flags & Symbols.DEF_NONLOCAL) != 0) {
                throw atDirective(ste, name, "name '" + name + "' is nonlocal and global");
            }
            ste.scopes.put(name, Symbols.GLOBAL_EXPLICIT);
            global.add(name);
            if (bound != null) {
                bound.remove(name);
            }
        } else if ((flags & Symbols.DEF_NONLOCAL) != 0) {
            if (bound == null) {
                throw atDirective(ste, name, "nonlocal declaration not allowed at module level");
            }
            if (!bound.contains(name)) {
                throw atDirective(ste, name, "no binding for nonlocal '" + name + "' found");
            }
            ste.scopes.put(name, Symbols.FREE);
            ste.free = true;
            free.add(name);
        } else if ((flags & Symbols.DEF_BOUND) != 0) {
            ste.scopes.put(name, Symbols.LOCAL);
            local.add(name);
            global.remove(name);
        } else if (bound != null && bound.contains(name)) {
            ste.scopes.put(name, Symbols.FREE);
            ste.free = true;
            free.add(name);
        } else if (global.contains(name)) {
            ste.scopes.put(name, Symbols.GLOBAL_IMPLICIT);
        } else {
            if (ste.nested) {
                ste.free = true;
            }
            ste.scopes.put(name, Symbols.GLOBAL_IMPLICIT);
        }
    }

    private void updateSymbols(Scope ste, Set<String> bound, Set<String> free) {
        boolean classFlag = ste.kind == Scope.Kind.CLASS;
        for (String name : free) {
            Integer v = ste.symbols.get(name);
            if (v != null) {
                if (classFlag && (v & (Symbols.DEF_BOUND | Symbols.DEF_GLOBAL)) != 0) {
                    ste.symbols.put(name, v | Symbols.DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) {
                continue;
            }
            ste.symbols.put(name, 0);
            ste.scopes.put(name, Symbols.FREE);
        }
    }
}
