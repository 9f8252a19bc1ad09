package io.github.pycompile.codegen;

import static io.github.pycompile.target.opcodes.Opcode.*;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.assemble.Assembler311;
import io.github.pycompile.assemble.CodeObjects311;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.AstIdentifiers;
import io.github.pycompile.ast.Unparser;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.flowgraph.CodeBuilder;
import io.github.pycompile.flowgraph.CodeUnit;
import io.github.pycompile.flowgraph.ConstCache;
import io.github.pycompile.flowgraph.Label;
import io.github.pycompile.flowgraph.Location;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.symtable.FutureFeatures;
import io.github.pycompile.symtable.Scope;
import io.github.pycompile.symtable.SymbolTable;
import io.github.pycompile.symtable.Symbols;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.target.opcodes.Opcode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * CPython 3.11's code generation ({@code Python/compile.c}): statements and expressions to
 * pseudo-instructions, each with the location 3.11 gives it (the innermost node being compiled;
 * {@code UNSET_LOC} and the {@code _NOLINE} forms where 3.11 uses them), one {@link CodeUnit} per
 * code object, assembled innermost first by {@link Assembler311}.
 *
 * <p>Covered so far: module, function, lambda and class bodies; assignments (simple, chained,
 * unpacking without star), augmented and annotated assignments; if/while/for with break/continue,
 * return, raise, assert, del, pass, imports, global/nonlocal; expressions except comprehensions,
 * generators, await, starred and f-strings. Everything else is refused
 * ({@link UnsupportedFeatureException}) rather than compiled differently from CPython.
 */
public final class CodeGenerator311 {
    private static final int CO_OPTIMIZED = 0x1;
    private static final int CO_NEWLOCALS = 0x2;
    private static final int CO_VARARGS = 0x4;
    private static final int CO_VARKEYWORDS = 0x8;
    private static final int CO_NESTED = 0x10;
    private static final int CO_GENERATOR = 0x20;
    private static final int CO_COROUTINE = 0x80;
    private static final int CO_ASYNC_GENERATOR = 0x200;
    /** 3.11's STACK_USE_GUIDELINE: above it, calls and displays take the slower general paths. */
    private static final int STACK_USE_GUIDELINE = 30;

    private final SymbolTable symbols;
    private final FutureFeatures future;
    private final String filename;
    private final CompileOptions options;
    private final Consumer<CompilerWarning> warnings;
    private final CodeObjects311 objects;
    private final Assembler311 assembler;
    private final PythonVersion target;

    /** One compiler unit on the stack ({@code struct compiler_unit}). */
    private static final class Unit {
        final CodeUnit code;
        final Scope scope;
        final String qualname;
        final Kind kind;
        final String privateName;
        final Deque<FBlock> fblocks = new ArrayDeque<>();
        // the current location (u_lineno, u_end_lineno, u_col_offset, u_end_col_offset)
        int lineno;
        int endLineno;
        int col;
        int endCol;

        Unit(CodeUnit code, Scope scope, String qualname, Kind kind, String privateName) {
            this.code = code;
            this.scope = scope;
            this.qualname = qualname;
            this.kind = kind;
            this.privateName = privateName;
        }
    }

    private enum Kind { MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION }

    private enum FBlockType {
        WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, EXCEPTION_HANDLER,
        EXCEPTION_GROUP_HANDLER, HANDLER_CLEANUP, POP_VALUE
    }

    /** {@code struct fblockinfo}: {@code datum} is the finally body, the with statement or the handler's name. */
    private record FBlock(FBlockType type, Label block, Label exit, Object datum) {
        FBlock(FBlockType type, Label block, Label exit) {
            this(type, block, exit, null);
        }

        boolean isLoop() {
            return type == FBlockType.WHILE_LOOP || type == FBlockType.FOR_LOOP;
        }
    }

    private final Deque<Unit> units = new ArrayDeque<>();
    private Unit u;

    private CodeGenerator311(SymbolTable symbols, FutureFeatures future, String filename, CompileOptions options,
            Consumer<CompilerWarning> warnings) {
        this.symbols = symbols;
        this.future = future;
        this.filename = filename;
        this.options = options;
        this.warnings = warnings;
        this.target = options.target();
        this.objects = new CodeObjects311(target, new ConstCache(), filename);
        this.assembler = new Assembler311(objects);
    }

    /** A compile-time SyntaxError, carried through the generator's frames. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PythonError error;

        Failure(PythonError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /**
     * Compiles a module to its code object, and the objects the module's marshal stream shares
     * ({@link #objects()} of the returned result).
     */
    public static Result compileModule(Ast.ModuleNode module, SymbolTable symbols, FutureFeatures future,
            String filename, CompileOptions options, Consumer<CompilerWarning> warnings)
            throws PythonError, UnsupportedFeatureException {
        CodeGenerator311 g = new CodeGenerator311(symbols, future, filename, options, warnings);
        g.objects.identifiers(() -> AstIdentifiers.of(module));
        try {
            PyObject.Code code = g.module(module);
            return new Result(code, g.objects);
        } catch (UnsupportedConstruct r) {
            throw r.toException(options.target());
        } catch (Failure f) {
            throw f.error;
        }
    }

    /** The module's code object and the sharing it was built with (for the FLAG_REF policy). */
    public record Result(PyObject.Code code, CodeObjects311 objects) {}

    // ------------------------------------------------------------------ units and locations

    private Location loc() {
        return new Location(u.lineno, u.endLineno, u.col, u.endCol);
    }

    private void setLoc(Ast.Located n) {
        u.lineno = n.lineno();
        u.endLineno = n.endLineno();
        u.col = n.colOffset();
        u.endCol = n.endColOffset();
    }

    private int[] saveLoc() {
        return new int[] {u.lineno, u.endLineno, u.col, u.endCol};
    }

    private void restoreLoc(int[] l) {
        u.lineno = l[0];
        u.endLineno = l[1];
        u.col = l[2];
        u.endCol = l[3];
    }

    private void unsetLoc() {
        u.lineno = -1;
    }

    private CodeBuilder b() {
        return u.code.code;
    }

    private void op(Opcode op) {
        b().emit(op, 0, loc());
    }

    private void op(Opcode op, int arg) {
        b().emit(op, arg, loc());
    }

    private void jump(Opcode op, Label target) {
        b().emitJump(op, target, loc());
    }

    private void jumpNoLine(Opcode op, Label target) {
        b().emitJump(op, target, Location.NOLINE);
    }

    private void loadConst(PyObject o) {
        op(LOAD_CONST, u.code.addConst(o));
    }

    private String mangle(String name) {
        return Symbols.mangle(u.privateName, name);
    }

    /**
     * A name as a constant ({@code _Py_Mangle} of the identifier): the parser's interned object, or a
     * new, uninterned string when mangling changed it.
     */
    private PyObject.Str identifierConst(String id) {
        String m = mangle(id);
        return new PyObject.Str(m, m.equals(id));
    }

    private void opName(Opcode op, String name) {
        op(op, u.code.addName(mangle(name)));
    }

    private UnsupportedConstruct refuse(String what, Ast.Located n) {
        return new UnsupportedConstruct(what, n == null ? -1 : n.lineno());
    }

    private Failure syntaxError(String msg) {
        return new Failure(new PythonError("SyntaxError", msg, filename, u.lineno, u.col + 1, null, u.endLineno,
                u.endCol + 1));
    }

    private void warn(String msg) {
        warnings.accept(new CompilerWarning("SyntaxWarning", msg, filename, u.lineno));
    }

    private void enterScope(String name, Kind kind, Ast.Node key, int lineno) {
        Scope scope = key == null ? symbols.top() : symbols.scopeOf(key);
        String qualname = kind == Kind.MODULE ? null : qualname(name, kind);
        CodeUnit cu = new CodeUnit(name, qualname, kind == Kind.MODULE ? 1 : lineno, objects.cache());
        String priv = kind == Kind.CLASS ? name : (u != null ? u.privateName : null);
        Unit nu = new Unit(cu, scope, qualname, kind, priv);
        // cells: CELL-scoped names sorted, __class__ first for a class that needs it; frees: sorted
        if (kind == Kind.CLASS && scope.needsClassClosure()) {
            cu.cellvars.add("__class__");
        }
        TreeSet<String> cells = new TreeSet<>();
        TreeSet<String> frees = new TreeSet<>();
        for (String n : scope.names()) {
            int sc = scope.scope(n);
            if (sc == Symbols.CELL) {
                cells.add(n);
            }
            if (sc == Symbols.FREE || (scope.flags(n) & Symbols.DEF_FREE_CLASS) != 0) {
                frees.add(n);
            }
        }
        cu.cellvars.addAll(cells);
        cu.freevars.addAll(frees);
        cu.varnames.addAll(scope.varnames());
        if (u != null) {
            units.push(u);
        }
        u = nu;
        u.lineno = kind == Kind.MODULE ? 0 : lineno;
        u.endLineno = kind == Kind.MODULE ? 1 : lineno;
        u.col = 0;
        u.endCol = 0;
        op(RESUME, 0);
        if (kind == Kind.MODULE) {
            u.lineno = -1;
        }
    }

    private String qualname(String name, Kind kind) {
        if (units.isEmpty() && u.kind == Kind.MODULE) {
            return name;
        }
        Unit parent = u;
        if (parent.kind == Kind.MODULE) {
            return name;
        }
        if (kind == Kind.FUNCTION || kind == Kind.ASYNC_FUNCTION || kind == Kind.CLASS) {
            String mangled = Symbols.mangle(parent.privateName, name);
            if (parent.scope.scope(mangled) == Symbols.GLOBAL_EXPLICIT) {
                return name;
            }
        }
        String base = parent.kind == Kind.FUNCTION || parent.kind == Kind.ASYNC_FUNCTION || parent.kind == Kind.LAMBDA
                ? parent.qualname + ".<locals>" : parent.qualname;
        return base + "." + name;
    }

    private PyObject.Code exitScope(boolean addNone) {
        Scope s = u.scope;
        int flags = 0;
        if (s.isFunction()) {
            flags |= CO_NEWLOCALS | CO_OPTIMIZED;
            if (s.isNested()) {
                flags |= CO_NESTED;
            }
            if (s.isGenerator() && !s.isCoroutine()) {
                flags |= CO_GENERATOR;
            }
            if (!s.isGenerator() && s.isCoroutine()) {
                flags |= CO_COROUTINE;
            }
            if (s.isGenerator() && s.isCoroutine()) {
                flags |= CO_ASYNC_GENERATOR;
            }
            if (s.hasVarargs()) {
                flags |= CO_VARARGS;
            }
            if (s.hasVarkeywords()) {
                flags |= CO_VARKEYWORDS;
            }
        }
        flags |= future.flags();
        u.code.flags = flags;
        PyObject.Code code = assembler.assemble(u.code, addNone);
        u = units.isEmpty() ? null : units.pop();
        return code;
    }

    // ------------------------------------------------------------------ module and bodies

    private PyObject.Code module(Ast.ModuleNode m) {
        enterScope("<module>", Kind.MODULE, null, 1);
        body(m.body());
        PyObject.Code code = exitScope(true);
        objects.topLevel(code);
        return code;
    }

    private static boolean isDocstring(List<Stmt> body) {
        return !body.isEmpty() && body.get(0) instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant c
                && c.value() instanceof PyObject.Str;
    }

    /** {@code compiler_body}: module and class bodies (docstring to {@code __doc__}, annotations). */
    private void body(List<Stmt> stmts) {
        if (u.kind == Kind.MODULE && !stmts.isEmpty()) {
            setLoc(stmts.get(0));
        }
        if (findAnnotations(stmts)) {
            op(SETUP_ANNOTATIONS);
        }
        if (stmts.isEmpty()) {
            return;
        }
        int i = 0;
        if (options.optimize() < 2 && isDocstring(stmts)) {
            i = 1;
            Ast.ExprStmt st = (Ast.ExprStmt) stmts.get(0);
            expr(st.value());
            unsetLoc();
            nameOp("__doc__", Ast.ExprContext.Store);
        }
        for (; i < stmts.size(); i++) {
            stmt(stmts.get(i));
        }
    }

    private static boolean findAnnotations(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (s instanceof Ast.AnnAssign) {
                return true;
            } else if (s instanceof Ast.For f) {
                if (findAnnotations(f.body()) || findAnnotations(f.orelse())) {
                    return true;
                }
            } else if (s instanceof Ast.AsyncFor f) {
                if (findAnnotations(f.body()) || findAnnotations(f.orelse())) {
                    return true;
                }
            } else if (s instanceof Ast.While w) {
                if (findAnnotations(w.body()) || findAnnotations(w.orelse())) {
                    return true;
                }
            } else if (s instanceof Ast.If i) {
                if (findAnnotations(i.body()) || findAnnotations(i.orelse())) {
                    return true;
                }
            } else if (s instanceof Ast.With w) {
                if (findAnnotations(w.body())) {
                    return true;
                }
            } else if (s instanceof Ast.AsyncWith w) {
                if (findAnnotations(w.body())) {
                    return true;
                }
            } else if (s instanceof Ast.Try t) {
                for (Ast.ExceptHandler h : t.handlers()) {
                    if (findAnnotations(h.body())) {
                        return true;
                    }
                }
                if (findAnnotations(t.body()) || findAnnotations(t.finalbody()) || findAnnotations(t.orelse())) {
                    return true;
                }
            } else if (s instanceof Ast.TryStar t) {
                for (Ast.ExceptHandler h : t.handlers()) {
                    if (findAnnotations(h.body())) {
                        return true;
                    }
                }
                if (findAnnotations(t.body()) || findAnnotations(t.finalbody()) || findAnnotations(t.orelse())) {
                    return true;
                }
            } else if (s instanceof Ast.Match m) {
                for (Ast.MatchCase c : m.cases()) {
                    if (findAnnotations(c.body())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ statements

    private void stmts(List<Stmt> list) {
        for (Stmt s : list) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        setLoc(s);
        if (s instanceof Ast.ExprStmt e) {
            if (e.value() instanceof Ast.Constant) {
                op(NOP);
                return;
            }
            expr(e.value());
            unsetLoc();
            op(POP_TOP);
        } else if (s instanceof Ast.Assign a) {
            expr(a.value());
            for (int i = 0; i < a.targets().size(); i++) {
                if (i < a.targets().size() - 1) {
                    op(COPY, 1);
                }
                expr(a.targets().get(i));
            }
        } else if (s instanceof Ast.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Ast.AnnAssign a) {
            annAssign(a);
        } else if (s instanceof Ast.If i) {
            ifStmt(i);
        } else if (s instanceof Ast.While w) {
            whileStmt(w);
        } else if (s instanceof Ast.For f) {
            forStmt(f);
        } else if (s instanceof Ast.Break) {
            op(NOP);
            int[] at = {u.lineno, u.col, u.endLineno, u.endCol}; // unwinding a finally body moves the location
            FBlock loop = unwindStack(false, true);
            if (loop == null) {
                u.lineno = at[0];
                u.col = at[1];
                u.endLineno = at[2];
                u.endCol = at[3];
                throw syntaxError("'break' outside loop");
            }
            unwind(loop, false);
            jump(JUMP, loop.exit());
            b().nextBlock();
        } else if (s instanceof Ast.Continue) {
            op(NOP);
            int[] at = {u.lineno, u.col, u.endLineno, u.endCol}; // unwinding a finally body moves the location
            FBlock loop = unwindStack(false, true);
            if (loop == null) {
                u.lineno = at[0];
                u.col = at[1];
                u.endLineno = at[2];
                u.endCol = at[3];
                throw syntaxError("'continue' not properly in loop");
            }
            jump(JUMP, loop.block());
            b().nextBlock();
        } else if (s instanceof Ast.Try t) {
            if (!t.finalbody().isEmpty()) {
                tryFinally(t.finalbody(), () -> {
                    if (!t.handlers().isEmpty()) {
                        tryExcept(t);
                    } else {
                        stmts(t.body());
                    }
                });
            } else {
                tryExcept(t);
            }
        } else if (s instanceof Ast.TryStar t) {
            if (!t.finalbody().isEmpty()) {
                tryFinally(t.finalbody(), () -> {
                    if (!t.handlers().isEmpty()) {
                        tryStarExcept(t);
                    } else {
                        stmts(t.body());
                    }
                });
            } else {
                tryStarExcept(t);
            }
        } else if (s instanceof Ast.With w) {
            with(w, w.items(), w.body(), 0, false);
        } else if (s instanceof Ast.AsyncWith w) {
            if (u.kind != Kind.ASYNC_FUNCTION) {
                throw syntaxError("'async with' outside async function");
            }
            with(w, w.items(), w.body(), 0, true);
        } else if (s instanceof Ast.AsyncFor f) {
            if (u.kind != Kind.ASYNC_FUNCTION) {
                throw syntaxError("'async for' outside async function");
            }
            asyncFor(f);
        } else if (s instanceof Ast.Pass) {
            op(NOP);
        } else if (s instanceof Ast.Return r) {
            returnStmt(r);
        } else if (s instanceof Ast.Global || s instanceof Ast.Nonlocal) {
            // no code
        } else if (s instanceof Ast.Import i) {
            importStmt(i);
        } else if (s instanceof Ast.ImportFrom i) {
            importFrom(i);
        } else if (s instanceof Ast.Delete d) {
            for (Expr t : d.targets()) {
                expr(t);
            }
        } else if (s instanceof Ast.Raise r) {
            int n = 0;
            if (r.exc() != null) {
                expr(r.exc());
                n++;
                if (r.cause() != null) {
                    expr(r.cause());
                    n++;
                }
            }
            op(RAISE_VARARGS, n);
            b().nextBlock();
        } else if (s instanceof Ast.Assert a) {
            assertStmt(a);
        } else if (s instanceof Ast.Match m) {
            matchStmt(m);
        } else if (s instanceof Ast.FunctionDef f) {
            function(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), Kind.FUNCTION);
        } else if (s instanceof Ast.AsyncFunctionDef f) {
            function(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), Kind.ASYNC_FUNCTION);
        } else if (s instanceof Ast.ClassDef c) {
            classDef(c);
        } else {
            throw refuse(s.pyName() + " statements", s);
        }
    }

    // ------------------------------------------------------------------ match statements

    /** The state of one case's pattern while it compiles ({@code pattern_context}). */
    private static final class PatternContext {
        /** Names captured so far, their values waiting on the stack (in this order) until the case succeeds. */
        List<String> stores = new ArrayList<>();
        /** Whether an irrefutable pattern is allowed here. */
        boolean allowIrrefutable;
        /** failPop.get(n): where a failure goes with n items to pop (each block pops one, then falls into the next). */
        List<Label> failPop = new ArrayList<>();
        /** Items on the stack above the captured values that a failure must pop too. */
        int onTop;
    }

    private static boolean isWildcard(Ast.Pattern p) {
        return p instanceof Ast.MatchAs a && a.name() == null;
    }

    private static boolean isStarWildcard(Ast.Pattern p) {
        return p instanceof Ast.MatchStar s && s.name() == null;
    }

    private void loadInt(long v) {
        loadConst(PyObject.Int.of(v));
    }

    private void matchStmt(Ast.Match s) {
        expr(s.subject());
        Label end = b().newLabel();
        List<Ast.MatchCase> cases = s.cases();
        int n = cases.size();
        boolean hasDefault = isWildcard(cases.get(n - 1).pattern()) && n > 1;
        int last = n - (hasDefault ? 1 : 0) - 1;
        for (int i = 0; i <= last; i++) {
            Ast.MatchCase m = cases.get(i);
            setLoc(m.pattern());
            if (i != last) {
                op(COPY, 1); // later cases need the subject too
            }
            PatternContext pc = new PatternContext();
            pc.allowIrrefutable = m.guard() != null || i == n - 1;
            pattern(m.pattern(), pc);
            for (String name : pc.stores) {
                nameOp(name, Ast.ExprContext.Store);
            }
            if (m.guard() != null) {
                ensureFailPop(pc, 0);
                jumpIf(m.guard(), pc.failPop.get(0), false);
            }
            if (i != last) {
                op(POP_TOP);
            }
            stmts(m.body());
            unsetLoc();
            jump(JUMP, end);
            // a failed pattern's cleanup belongs to the pattern's line, not the body's last
            setLoc(m.pattern());
            emitAndResetFailPop(pc);
        }
        if (hasDefault) {
            Ast.MatchCase m = cases.get(n - 1);
            setLoc(m.pattern());
            if (n == 1) {
                op(POP_TOP);
            } else {
                op(NOP); // the default case's line shows as covered
            }
            if (m.guard() != null) {
                jumpIf(m.guard(), end, false);
            }
            stmts(m.body());
        }
        b().useLabel(end);
    }

    private void ensureFailPop(PatternContext pc, int n) {
        while (pc.failPop.size() <= n) {
            pc.failPop.add(b().newLabel());
        }
    }

    /** Jumps (with {@code op}) to the failure block that pops everything this point has pushed. */
    private void jumpToFailPop(PatternContext pc, Opcode op) {
        int pops = pc.onTop + pc.stores.size();
        ensureFailPop(pc, pops);
        jump(op, pc.failPop.get(pops));
    }

    /** Places the failure blocks, the deepest first, each popping one item. */
    private void emitAndResetFailPop(PatternContext pc) {
        if (pc.failPop.isEmpty()) {
            return;
        }
        for (int i = pc.failPop.size() - 1; i > 0; i--) {
            b().useLabel(pc.failPop.get(i));
            op(POP_TOP);
        }
        b().useLabel(pc.failPop.get(0));
        pc.failPop = new ArrayList<>();
    }

    /** Moves the top of the stack {@code count - 1} places down. */
    private void rotate(int count) {
        while (count > 1) {
            op(SWAP, count--);
        }
    }

    /** Stashes the top of the stack under the items kept on top, to be stored as {@code name} on success. */
    private void storePatternName(String name, PatternContext pc, Ast.Pattern p) {
        if (name == null) {
            op(POP_TOP);
            return;
        }
        forbiddenName(name, Ast.ExprContext.Store);
        if (pc.stores.contains(name)) {
            throw syntaxError("multiple assignments to name '" + name + "' in pattern");
        }
        rotate(pc.onTop + pc.stores.size() + 1);
        pc.stores.add(name);
    }

    private void pattern(Ast.Pattern p, PatternContext pc) {
        setLoc(p);
        if (p instanceof Ast.MatchValue v) {
            Expr value = v.value();
            if (!(value instanceof Ast.Constant) && !(value instanceof Ast.Attribute)) {
                throw syntaxError("patterns may only match literals and attribute lookups");
            }
            expr(value);
            op(COMPARE_OP, 2);
            jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        } else if (p instanceof Ast.MatchSingleton sg) {
            loadConst(sg.value());
            op(IS_OP, 0);
            jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        } else if (p instanceof Ast.MatchSequence sq) {
            sequencePattern(sq, pc);
        } else if (p instanceof Ast.MatchMapping mm) {
            mappingPattern(mm, pc);
        } else if (p instanceof Ast.MatchClass mc) {
            classPattern(mc, pc);
        } else if (p instanceof Ast.MatchStar st) {
            storePatternName(st.name(), pc, p);
        } else if (p instanceof Ast.MatchAs as) {
            asPattern(as, pc);
        } else if (p instanceof Ast.MatchOr or) {
            orPattern(or, pc);
        } else {
            throw refuse(p.pyName() + " patterns", p);
        }
    }

    /** A pattern inside another: irrefutable ones are always allowed there. */
    private void subpattern(Ast.Pattern p, PatternContext pc) {
        boolean allow = pc.allowIrrefutable;
        pc.allowIrrefutable = true;
        pattern(p, pc);
        pc.allowIrrefutable = allow;
    }

    private void asPattern(Ast.MatchAs p, PatternContext pc) {
        if (p.pattern() == null) {
            if (!pc.allowIrrefutable) {
                if (p.name() != null) {
                    throw syntaxError("name capture '" + p.name() + "' makes remaining patterns unreachable");
                }
                throw syntaxError("wildcard makes remaining patterns unreachable");
            }
            storePatternName(p.name(), pc, p);
            return;
        }
        pc.onTop++;
        op(COPY, 1);
        pattern(p.pattern(), pc);
        pc.onTop--;
        storePatternName(p.name(), pc, p);
    }

    private void sequencePattern(Ast.MatchSequence p, PatternContext pc) {
        List<Ast.Pattern> patterns = p.patterns();
        int size = patterns.size();
        int star = -1;
        boolean onlyWildcard = true;
        boolean starWildcard = false;
        for (int i = 0; i < size; i++) {
            Ast.Pattern q = patterns.get(i);
            if (q instanceof Ast.MatchStar) {
                if (star >= 0) {
                    throw syntaxError("multiple starred names in sequence pattern");
                }
                starWildcard = isStarWildcard(q);
                onlyWildcard &= starWildcard;
                star = i;
                continue;
            }
            onlyWildcard &= isWildcard(q);
        }
        pc.onTop++;
        op(MATCH_SEQUENCE);
        jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        if (star < 0) {
            op(GET_LEN);
            loadInt(size);
            op(COMPARE_OP, 2);
            jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        } else if (size > 1) {
            // a star: len(subject) >= size - 1 (no test when the star stands alone)
            op(GET_LEN);
            loadInt(size - 1);
            op(COMPARE_OP, 5);
            jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        }
        pc.onTop--;
        if (onlyWildcard) {
            op(POP_TOP);
        } else if (starWildcard) {
            sequenceSubscripts(patterns, star, pc);
        } else {
            sequenceUnpack(patterns, pc);
        }
    }

    private void sequenceUnpack(List<Ast.Pattern> patterns, PatternContext pc) {
        int n = patterns.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            Ast.Pattern q = patterns.get(i);
            if (q instanceof Ast.MatchStar && !seenStar) {
                if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                    throw syntaxError("too many expressions in star-unpacking sequence pattern");
                }
                op(UNPACK_EX, i + ((n - i - 1) << 8));
                seenStar = true;
            } else if (q instanceof Ast.MatchStar) {
                throw syntaxError("multiple starred expressions in sequence pattern");
            }
        }
        if (!seenStar) {
            op(UNPACK_SEQUENCE, n);
        }
        pc.onTop += n;
        for (Ast.Pattern q : patterns) {
            pc.onTop--;
            subpattern(q, pc);
        }
    }

    /** A sequence with a {@code *_}: the items it needs by index (from the end after the star), not unpacked. */
    private void sequenceSubscripts(List<Ast.Pattern> patterns, int star, PatternContext pc) {
        pc.onTop++;
        int size = patterns.size();
        for (int i = 0; i < size; i++) {
            Ast.Pattern q = patterns.get(i);
            if (isWildcard(q) || i == star) {
                continue;
            }
            op(COPY, 1);
            if (i < star) {
                loadInt(i);
            } else {
                op(GET_LEN);
                loadInt(size - i);
                op(BINARY_OP, binaryOparg(Ast.Operator.Sub));
            }
            op(BINARY_SUBSCR);
            subpattern(q, pc);
        }
        pc.onTop--;
        op(POP_TOP);
    }

    private void mappingPattern(Ast.MatchMapping p, PatternContext pc) {
        List<Expr> keys = p.keys();
        List<Ast.Pattern> patterns = p.patterns();
        int size = keys.size();
        String rest = p.rest();
        pc.onTop++;
        op(MATCH_MAPPING);
        jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        if (size == 0 && rest == null) {
            pc.onTop--;
            op(POP_TOP);
            return;
        }
        if (size > 0) {
            op(GET_LEN);
            loadInt(size);
            op(COMPARE_OP, 5);
            jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr key : keys) {
            if (key instanceof Ast.Constant c) {
                String k = keyIdentity(c.value());
                if (k == null && keys.size() > 1) {
                    // equality of floats, complexes and bytes with other keys is not reproduced here
                    throw refuse("mapping patterns with float, complex or bytes keys", key);
                }
                if (k != null && !seen.add(k)) {
                    throw refuse("duplicate keys in a mapping pattern (their error)", key);
                }
            } else if (!(key instanceof Ast.Attribute)) {
                throw syntaxError("mapping pattern keys may only match literals and attribute lookups");
            }
            expr(key);
        }
        op(BUILD_TUPLE, size);
        op(MATCH_KEYS);
        pc.onTop += 2;
        op(COPY, 1);
        loadConst(PyObject.Singleton.NONE);
        op(IS_OP, 1);
        jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        op(UNPACK_SEQUENCE, size);
        pc.onTop += size - 1;
        for (Ast.Pattern q : patterns) {
            pc.onTop--;
            subpattern(q, pc);
        }
        pc.onTop -= 2;
        if (rest != null) {
            // rest = dict(subject) without the matched keys
            op(BUILD_MAP, 0);
            op(SWAP, 3);
            op(DICT_UPDATE, 2);
            op(UNPACK_SEQUENCE, size);
            for (int k = size; k > 0; k--) {
                op(COPY, 1 + k);
                op(SWAP, 2);
                op(DELETE_SUBSCR);
            }
            storePatternName(rest, pc, p);
        } else {
            op(POP_TOP);
            op(POP_TOP);
        }
    }

    /** What Python's equality makes of a constant key (True is 1), or null when not worked out here. */
    private static String keyIdentity(PyObject v) {
        if (v instanceof PyObject.Str s) {
            return "s" + s.value();
        }
        if (v instanceof PyObject.Int i) {
            return "i" + i.value();
        }
        if (v == PyObject.Singleton.TRUE) {
            return "i1";
        }
        if (v == PyObject.Singleton.FALSE) {
            return "i0";
        }
        if (v == PyObject.Singleton.NONE) {
            return "n";
        }
        return null;
    }

    private void classPattern(Ast.MatchClass p, PatternContext pc) {
        List<Ast.Pattern> patterns = p.patterns();
        List<String> attrs = p.kwdAttrs();
        List<Ast.Pattern> kwdPatterns = p.kwdPatterns();
        int nargs = patterns.size();
        int nattrs = attrs.size();
        if (nattrs > 0) {
            for (int i = 0; i < nattrs; i++) {
                String attr = attrs.get(i);
                if (attr.equals("__debug__")) {
                    throw refuse("__debug__ as a class pattern keyword (its error)", p);
                }
                for (int j = i + 1; j < nattrs; j++) {
                    if (attr.equals(attrs.get(j))) {
                        setLoc(kwdPatterns.get(j));
                        throw syntaxError("attribute name repeated in class pattern: " + attr);
                    }
                }
            }
            setLoc(p);
        }
        expr(p.cls());
        List<PyObject> names = new ArrayList<>();
        for (String a : attrs) {
            names.add(new PyObject.Str(a, true));
        }
        loadConst(new PyObject.Tuple(names));
        op(MATCH_CLASS, nargs);
        op(COPY, 1);
        loadConst(PyObject.Singleton.NONE);
        op(IS_OP, 1);
        pc.onTop++;
        jumpToFailPop(pc, POP_JUMP_IF_FALSE);
        op(UNPACK_SEQUENCE, nargs + nattrs);
        pc.onTop += nargs + nattrs - 1;
        for (int i = 0; i < nargs + nattrs; i++) {
            pc.onTop--;
            Ast.Pattern q = i < nargs ? patterns.get(i) : kwdPatterns.get(i - nargs);
            if (isWildcard(q)) {
                op(POP_TOP);
                continue;
            }
            subpattern(q, pc);
        }
    }

    private void orPattern(Ast.MatchOr p, PatternContext pc) {
        Label end = b().newLabel();
        List<Ast.Pattern> alts = p.patterns();
        int size = alts.size();
        List<String> oldStores = pc.stores;
        boolean oldAllow = pc.allowIrrefutable;
        List<Label> oldFailPop = pc.failPop;
        int oldOnTop = pc.onTop;
        List<String> control = null;
        for (int i = 0; i < size; i++) {
            Ast.Pattern alt = alts.get(i);
            setLoc(alt);
            pc.stores = new ArrayList<>();
            pc.allowIrrefutable = i == size - 1 && oldAllow;
            pc.failPop = new ArrayList<>();
            pc.onTop = 0;
            op(COPY, 1);
            pattern(alt, pc);
            int nstores = pc.stores.size();
            if (i == 0) {
                control = pc.stores;
            } else if (nstores != control.size()) {
                throw syntaxError("alternative patterns bind different names");
            } else if (nstores > 0) {
                // bring this alternative's captures into the first one's order
                for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                    String name = control.get(icontrol);
                    int istores = pc.stores.indexOf(name);
                    if (istores < 0) {
                        throw syntaxError("alternative patterns bind different names");
                    }
                    if (icontrol != istores) {
                        int rotations = istores + 1;
                        List<String> moved = new ArrayList<>(pc.stores.subList(0, rotations));
                        pc.stores.subList(0, rotations).clear();
                        pc.stores.addAll(icontrol - istores, moved);
                        while (rotations-- > 0) {
                            rotate(icontrol + 1);
                        }
                    }
                }
            }
            jump(JUMP, end);
            emitAndResetFailPop(pc);
        }
        pc.stores = oldStores;
        pc.allowIrrefutable = oldAllow;
        pc.failPop = oldFailPop;
        pc.onTop = oldOnTop;
        // no alternative matched: drop the copy of the subject and fail
        op(POP_TOP);
        jumpToFailPop(pc, JUMP);
        b().useLabel(end);
        int nstores = control.size();
        int nrots = nstores + 1 + pc.onTop + pc.stores.size();
        for (int i = 0; i < nstores; i++) {
            rotate(nrots);
            String name = control.get(i);
            if (pc.stores.contains(name)) {
                throw syntaxError("multiple assignments to name '" + name + "' in pattern");
            }
            pc.stores.add(name);
        }
        op(POP_TOP); // the copy of the subject
    }

    /** {@code compiler_unwind_fblock}: the code leaving one block needs. */
    @SuppressWarnings("unchecked")
    private void unwind(FBlock f, boolean preserveTos) {
        switch (f.type()) {
            case WHILE_LOOP, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER -> { }
            case FOR_LOOP -> {
                if (preserveTos) {
                    op(SWAP, 2);
                }
                op(POP_TOP);
            }
            case TRY_EXCEPT -> op(POP_BLOCK);
            case FINALLY_TRY -> {
                op(POP_BLOCK);
                if (preserveTos) {
                    u.fblocks.push(new FBlock(FBlockType.POP_VALUE, null, null));
                }
                stmts((List<Stmt>) f.datum());
                if (preserveTos) {
                    u.fblocks.pop();
                }
                unsetLoc();
            }
            case FINALLY_END -> {
                if (preserveTos) {
                    op(SWAP, 2);
                }
                op(POP_TOP);
                if (preserveTos) {
                    op(SWAP, 2);
                }
                op(POP_BLOCK);
                op(POP_EXCEPT);
            }
            case WITH, ASYNC_WITH -> {
                setLoc((Ast.Located) f.datum());
                op(POP_BLOCK);
                if (preserveTos) {
                    op(SWAP, 2);
                }
                callExitWithNones();
                if (f.type() == FBlockType.ASYNC_WITH) {
                    awaitResult(2);
                }
                op(POP_TOP);
                unsetLoc();
            }
            case HANDLER_CLEANUP -> {
                if (f.datum() != null) {
                    op(POP_BLOCK);
                }
                if (preserveTos) {
                    op(SWAP, 2);
                }
                op(POP_BLOCK);
                op(POP_EXCEPT);
                if (f.datum() != null) {
                    loadConst(PyObject.Singleton.NONE);
                    nameOp((String) f.datum(), Ast.ExprContext.Store);
                    nameOp((String) f.datum(), Ast.ExprContext.Del);
                }
            }
            case POP_VALUE -> {
                if (preserveTos) {
                    op(SWAP, 2);
                }
                op(POP_TOP);
            }
        }
    }

    /**
     * {@code compiler_unwind_fblock_stack}: unwinds blocks innermost first, each removed from the stack
     * while its exit code is generated; stops at a loop when {@code toLoop} (and returns it).
     */
    private FBlock unwindStack(boolean preserveTos, boolean toLoop) {
        if (u.fblocks.isEmpty()) {
            return null;
        }
        FBlock top = u.fblocks.peek();
        if (top.type() == FBlockType.EXCEPTION_GROUP_HANDLER) {
            throw syntaxError("'break', 'continue' and 'return' cannot appear in an except* block");
        }
        if (toLoop && top.isLoop()) {
            return top;
        }
        u.fblocks.pop();
        try {
            unwind(top, preserveTos);
            return unwindStack(preserveTos, toLoop);
        } finally {
            u.fblocks.push(top);
        }
    }

    private void callExitWithNones() {
        loadConst(PyObject.Singleton.NONE);
        loadConst(PyObject.Singleton.NONE);
        loadConst(PyObject.Singleton.NONE);
        op(PRECALL, 2);
        op(CALL, 2);
    }

    private void popExceptAndReraise() {
        op(COPY, 3);
        op(POP_EXCEPT);
        op(RERAISE, 1);
    }

    private void noLine(Opcode op) {
        b().emit(op, 0, Location.NOLINE);
    }

    /** {@code compiler_try_finally} (and {@code compiler_try_star_finally}): {@code inner} is the try part. */
    private void tryFinally(List<Stmt> finalbody, Runnable inner) {
        Label body = b().newLabel();
        Label end = b().newLabel();
        Label exit = b().newLabel();
        Label cleanup = b().newLabel();
        jump(SETUP_FINALLY, end);
        b().useLabel(body);
        u.fblocks.push(new FBlock(FBlockType.FINALLY_TRY, body, end, finalbody));
        inner.run();
        noLine(POP_BLOCK);
        u.fblocks.pop();
        stmts(finalbody);
        jumpNoLine(JUMP, exit);
        b().useLabel(end);
        unsetLoc();
        jump(SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        u.fblocks.push(new FBlock(FBlockType.FINALLY_END, end, null));
        stmts(finalbody);
        u.fblocks.pop();
        op(RERAISE, 0);
        b().useLabel(cleanup);
        popExceptAndReraise();
        b().useLabel(exit);
    }

    /**
     * {@code compiler_try_star_except}: each {@code except*} clause splits the exception group
     * (CHECK_EG_MATCH); what the handlers raise and what none matched is collected in a list and
     * re-raised together (PREP_RERAISE_STAR).
     */
    private void tryStarExcept(Ast.TryStar s) {
        Label body = b().newLabel();
        Label except = b().newLabel();
        Label orelse = b().newLabel();
        Label end = b().newLabel();
        Label cleanup = b().newLabel();
        Label reraiseStar = b().newLabel();
        jump(SETUP_FINALLY, except);
        b().useLabel(body);
        u.fblocks.push(new FBlock(FBlockType.TRY_EXCEPT, body, null));
        stmts(s.body());
        u.fblocks.pop();
        noLine(POP_BLOCK);
        jumpNoLine(JUMP, orelse);
        int n = s.handlers().size();
        b().useLabel(except);
        unsetLoc();
        jump(SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        u.fblocks.push(new FBlock(FBlockType.EXCEPTION_GROUP_HANDLER, null, null));
        for (int i = 0; i < n; i++) {
            Ast.ExceptHandler h = s.handlers().get(i);
            setLoc(h);
            except = b().newLabel();
            Label exceptWithError = b().newLabel();
            Label noMatch = b().newLabel();
            if (i == 0) {
                op(COPY, 1); // the original group
                op(BUILD_LIST, 0); // what the clauses raise
                op(SWAP, 2);
            }
            if (h.type() != null) {
                expr(h.type());
                op(CHECK_EG_MATCH);
                op(COPY, 1);
                jump(POP_JUMP_IF_NONE, noMatch);
            }
            Label cleanupEnd = b().newLabel();
            Label cleanupBody = b().newLabel();
            if (h.name() != null) {
                nameOp(h.name(), Ast.ExprContext.Store);
            } else {
                op(POP_TOP);
            }
            jump(SETUP_CLEANUP, cleanupEnd);
            b().useLabel(cleanupBody);
            u.fblocks.push(new FBlock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, h.name()));
            stmts(h.body());
            u.fblocks.pop();
            unsetLoc();
            op(POP_BLOCK);
            if (h.name() != null) {
                loadConst(PyObject.Singleton.NONE);
                nameOp(h.name(), Ast.ExprContext.Store);
                nameOp(h.name(), Ast.ExprContext.Del);
            }
            jump(JUMP, except);
            b().useLabel(cleanupEnd);
            unsetLoc();
            if (h.name() != null) {
                loadConst(PyObject.Singleton.NONE);
                nameOp(h.name(), Ast.ExprContext.Store);
                nameOp(h.name(), Ast.ExprContext.Del);
            }
            op(LIST_APPEND, 3); // the exception the clause raised
            op(POP_TOP); // lasti
            jump(JUMP, exceptWithError);
            b().useLabel(except);
            op(NOP); // holds a location
            jump(JUMP, exceptWithError);
            b().useLabel(noMatch);
            op(POP_TOP); // the match: None
            b().useLabel(exceptWithError);
            if (i == n - 1) {
                op(LIST_APPEND, 1); // the unhandled rest of the group
                jump(JUMP, reraiseStar);
            }
        }
        u.fblocks.pop();
        Label reraise = b().newLabel();
        b().useLabel(reraiseStar);
        op(PREP_RERAISE_STAR);
        op(COPY, 1);
        jump(POP_JUMP_IF_NOT_NONE, reraise);
        op(POP_TOP); // nothing to re-raise
        op(POP_BLOCK);
        op(POP_EXCEPT);
        jump(JUMP, end);
        b().useLabel(reraise);
        op(POP_BLOCK);
        op(SWAP, 2);
        op(POP_EXCEPT);
        op(RERAISE, 0);
        b().useLabel(cleanup);
        popExceptAndReraise();
        b().useLabel(orelse);
        stmts(s.orelse());
        b().useLabel(end);
    }

    private void tryExcept(Ast.Try s) {
        Label body = b().newLabel();
        Label except = b().newLabel();
        Label end = b().newLabel();
        Label cleanup = b().newLabel();
        jump(SETUP_FINALLY, except);
        b().useLabel(body);
        u.fblocks.push(new FBlock(FBlockType.TRY_EXCEPT, body, null));
        stmts(s.body());
        u.fblocks.pop();
        noLine(POP_BLOCK);
        stmts(s.orelse());
        jumpNoLine(JUMP, end);
        int n = s.handlers().size();
        b().useLabel(except);
        unsetLoc();
        jump(SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        u.fblocks.push(new FBlock(FBlockType.EXCEPTION_HANDLER, null, null));
        for (int i = 0; i < n; i++) {
            Ast.ExceptHandler h = s.handlers().get(i);
            setLoc(h);
            if (h.type() == null && i < n - 1) {
                throw syntaxError("default 'except:' must be last");
            }
            except = b().newLabel();
            if (h.type() != null) {
                expr(h.type());
                op(CHECK_EXC_MATCH);
                jump(POP_JUMP_IF_FALSE, except);
            }
            if (h.name() != null) {
                Label cleanupEnd = b().newLabel();
                Label cleanupBody = b().newLabel();
                nameOp(h.name(), Ast.ExprContext.Store);
                jump(SETUP_CLEANUP, cleanupEnd);
                b().useLabel(cleanupBody);
                u.fblocks.push(new FBlock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, h.name()));
                stmts(h.body());
                u.fblocks.pop();
                unsetLoc();
                op(POP_BLOCK);
                op(POP_BLOCK);
                op(POP_EXCEPT);
                loadConst(PyObject.Singleton.NONE);
                nameOp(h.name(), Ast.ExprContext.Store);
                nameOp(h.name(), Ast.ExprContext.Del);
                jump(JUMP, end);
                b().useLabel(cleanupEnd);
                unsetLoc();
                loadConst(PyObject.Singleton.NONE);
                nameOp(h.name(), Ast.ExprContext.Store);
                nameOp(h.name(), Ast.ExprContext.Del);
                op(RERAISE, 1);
            } else {
                Label cleanupBody = b().newLabel();
                op(POP_TOP);
                b().useLabel(cleanupBody);
                u.fblocks.push(new FBlock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, null));
                stmts(h.body());
                u.fblocks.pop();
                unsetLoc();
                op(POP_BLOCK);
                op(POP_EXCEPT);
                jump(JUMP, end);
            }
            b().useLabel(except);
        }
        unsetLoc();
        u.fblocks.pop();
        op(RERAISE, 0);
        b().useLabel(cleanup);
        popExceptAndReraise();
        b().useLabel(end);
    }

    private void asyncFor(Ast.AsyncFor s) {
        Label start = b().newLabel();
        Label except = b().newLabel();
        Label end = b().newLabel();
        expr(s.iter());
        op(GET_AITER);
        b().useLabel(start);
        u.fblocks.push(new FBlock(FBlockType.FOR_LOOP, start, end));
        jump(SETUP_FINALLY, except);
        op(GET_ANEXT);
        loadConst(PyObject.Singleton.NONE);
        yieldFrom(true);
        op(POP_BLOCK);
        expr(s.target());
        stmts(s.body());
        unsetLoc();
        jump(JUMP, start);
        u.fblocks.pop();
        b().useLabel(except);
        setLoc(s.iter());
        op(END_ASYNC_FOR);
        stmts(s.orelse());
        b().useLabel(end);
    }

    /**
     * {@code compiler_with} and {@code compiler_async_with}: one item per level, the body inside the
     * last; the async form awaits {@code __aenter__} and {@code __aexit__}.
     */
    private void with(Ast.Stmt s, List<Ast.WithItem> items, List<Stmt> body, int pos, boolean async) {
        Ast.WithItem item = items.get(pos);
        Label block = b().newLabel();
        Label fin = b().newLabel();
        Label exit = b().newLabel();
        Label cleanup = b().newLabel();
        expr(item.contextExpr());
        if (async) {
            op(BEFORE_ASYNC_WITH);
            awaitResult(1);
        } else {
            op(BEFORE_WITH);
        }
        jump(SETUP_WITH, fin);
        b().useLabel(block);
        u.fblocks.push(new FBlock(async ? FBlockType.ASYNC_WITH : FBlockType.WITH, block, fin, s));
        if (item.optionalVars() != null) {
            expr(item.optionalVars());
        } else {
            op(POP_TOP);
        }
        if (pos + 1 == items.size()) {
            stmts(body);
        } else {
            with(s, items, body, pos + 1, async);
        }
        if (async) {
            u.fblocks.pop();
            op(POP_BLOCK); // 3.11's async form keeps the body's last location here
        } else {
            unsetLoc();
            op(POP_BLOCK);
            u.fblocks.pop();
        }
        setLoc(s);
        callExitWithNones();
        if (async) {
            awaitResult(2);
        }
        op(POP_TOP);
        jump(JUMP, exit);
        b().useLabel(fin);
        jump(SETUP_CLEANUP, cleanup);
        op(PUSH_EXC_INFO);
        op(WITH_EXCEPT_START);
        if (async) {
            awaitResult(2);
        }
        // compiler_with_except_finish
        unsetLoc();
        Label exit2 = b().newLabel();
        jump(POP_JUMP_IF_TRUE, exit2);
        op(RERAISE, 2);
        b().useLabel(cleanup);
        popExceptAndReraise();
        b().useLabel(exit2);
        op(POP_TOP);
        op(POP_BLOCK);
        op(POP_EXCEPT);
        op(POP_TOP);
        op(POP_TOP);
        b().useLabel(exit);
    }

    /** GET_AWAITABLE {@code where}, then the awaiting SEND loop. */
    private void awaitResult(int where) {
        op(GET_AWAITABLE, where);
        loadConst(PyObject.Singleton.NONE);
        yieldFrom(true);
    }

    private void augAssign(Ast.AugAssign a) {
        Expr e = a.target();
        int[] saved = saveLoc();
        setLoc(e);
        if (e instanceof Ast.Attribute at) {
            expr(at.value());
            op(COPY, 1);
            updateStartLocationToMatchAttr(at);
            opName(LOAD_ATTR, at.attr());
        } else if (e instanceof Ast.Subscript sub) {
            expr(sub.value());
            expr(sub.slice());
            op(COPY, 2);
            op(COPY, 2);
            op(BINARY_SUBSCR);
        } else if (e instanceof Ast.Name n) {
            nameOp(n.id(), Ast.ExprContext.Load);
        } else {
            throw refuse("this augmented assignment target", a);
        }
        restoreLoc(saved);
        expr(a.value());
        op(BINARY_OP, binaryOparg(a.op()) + 13);
        setLoc(e);
        if (e instanceof Ast.Attribute at) {
            updateStartLocationToMatchAttr(at);
            op(SWAP, 2);
            opName(STORE_ATTR, at.attr());
        } else if (e instanceof Ast.Subscript) {
            op(SWAP, 3);
            op(SWAP, 2);
            op(STORE_SUBSCR);
        } else {
            nameOp(((Ast.Name) e).id(), Ast.ExprContext.Store);
        }
    }

    private void annAssign(Ast.AnnAssign a) {
        Expr targ = a.target();
        if (a.value() != null) {
            expr(a.value());
            expr(targ);
        }
        if (targ instanceof Ast.Name n) {
            forbiddenName(n.id(), Ast.ExprContext.Store);
            if (a.simple() != 0 && (u.kind == Kind.MODULE || u.kind == Kind.CLASS)) {
                annotationValue(a.annotation());
                opName(LOAD_NAME, "__annotations__");
                loadConst(identifierConst(n.id()));
                op(STORE_SUBSCR);
            }
        } else if (targ instanceof Ast.Attribute at) {
            if (a.value() == null) {
                expr(at.value());
                op(POP_TOP);
            }
        } else if (targ instanceof Ast.Subscript sub) {
            if (a.value() == null) {
                expr(sub.value());
                op(POP_TOP);
                annSubscr(sub.slice());
            }
        }
        if (a.simple() == 0 && !future.annotations() && (u.kind == Kind.MODULE || u.kind == Kind.CLASS)) {
            expr(a.annotation());
            op(POP_TOP);
        }
    }

    /** An annotation's value: evaluated, or under {@code from __future__ import annotations} its text. */
    private void annotationValue(Expr annotation) {
        if (future.annotations()) {
            loadConst(new PyObject.Str(Unparser.annotation(annotation), false));
        } else {
            expr(annotation);
        }
    }

    private void annSubscr(Expr e) {
        if (e instanceof Ast.Slice s) {
            for (Expr x : new Expr[] {s.lower(), s.upper(), s.step()}) {
                if (x != null) {
                    expr(x);
                    op(POP_TOP);
                }
            }
        } else if (e instanceof Ast.TupleExpr t) {
            for (Expr x : t.elts()) {
                annSubscr(x);
            }
        } else {
            expr(e);
            op(POP_TOP);
        }
    }

    private void ifStmt(Ast.If s) {
        Label end = b().newLabel();
        Label next = s.orelse().isEmpty() ? end : b().newLabel();
        jumpIf(s.test(), next, false);
        stmts(s.body());
        if (!s.orelse().isEmpty()) {
            jumpNoLine(JUMP, end);
            b().useLabel(next);
            stmts(s.orelse());
        }
        b().useLabel(end);
    }

    private void whileStmt(Ast.While s) {
        Label loop = b().newLabel();
        Label body = b().newLabel();
        Label anchor = b().newLabel();
        Label end = b().newLabel();
        b().useLabel(loop);
        u.fblocks.push(new FBlock(FBlockType.WHILE_LOOP, loop, end));
        jumpIf(s.test(), anchor, false);
        b().useLabel(body);
        stmts(s.body());
        setLoc(s);
        jumpIf(s.test(), body, true);
        u.fblocks.pop();
        b().useLabel(anchor);
        stmts(s.orelse());
        b().useLabel(end);
    }

    private void forStmt(Ast.For s) {
        Label start = b().newLabel();
        Label body = b().newLabel();
        Label cleanup = b().newLabel();
        Label end = b().newLabel();
        u.fblocks.push(new FBlock(FBlockType.FOR_LOOP, start, end));
        expr(s.iter());
        op(GET_ITER);
        b().useLabel(start);
        jump(FOR_ITER, cleanup);
        b().useLabel(body);
        expr(s.target());
        stmts(s.body());
        unsetLoc();
        jump(JUMP, start);
        b().useLabel(cleanup);
        u.fblocks.pop();
        stmts(s.orelse());
        b().useLabel(end);
    }

    private void returnStmt(Ast.Return s) {
        Expr value = s.value();
        boolean preserveTos = value != null && !(value instanceof Ast.Constant);
        if (!u.scope.isFunction()) {
            throw syntaxError("'return' outside function");
        }
        if (value != null && u.scope.isCoroutine() && u.scope.isGenerator()) {
            throw refuse("return with a value in an async generator (its error)", s);
        }
        if (preserveTos) {
            expr(value);
        } else if (value != null) {
            setLoc(value);
            op(NOP);
        }
        if (value == null || value.lineno() != s.lineno()) {
            setLoc(s);
            op(NOP);
        }
        unwindStack(preserveTos, false);
        if (value == null) {
            loadConst(PyObject.Singleton.NONE);
        } else if (!preserveTos) {
            loadConst(((Ast.Constant) value).value());
        }
        op(RETURN_VALUE); // no NEXT_BLOCK: a body ending here needs no implicit return
    }

    private void assertStmt(Ast.Assert s) {
        Expr test = s.test();
        if ((test instanceof Ast.TupleExpr t && !t.elts().isEmpty())
                || (test instanceof Ast.Constant c && c.value() instanceof PyObject.Tuple tu && !tu.items().isEmpty())) {
            warn("assertion is always true, perhaps remove parentheses?");
        }
        if (options.optimize() > 0) {
            return;
        }
        Label end = b().newLabel();
        jumpIf(test, end, true);
        op(LOAD_ASSERTION_ERROR);
        if (s.msg() != null) {
            expr(s.msg());
            op(PRECALL, 0);
            op(CALL, 0);
        }
        op(RAISE_VARARGS, 1);
        b().useLabel(end);
    }

    private void importStmt(Ast.Import s) {
        for (Ast.Alias a : s.names()) {
            loadConst(PyObject.Int.of(0));
            loadConst(PyObject.Singleton.NONE);
            opName(IMPORT_NAME, a.name());
            if (a.asname() != null) {
                String name = a.name();
                int dot = name.indexOf('.');
                if (dot >= 0) {
                    while (true) {
                        int from = dot + 1;
                        dot = name.indexOf('.', from);
                        String attr = name.substring(from, dot >= 0 ? dot : name.length());
                        op(IMPORT_FROM, u.code.addName(attr));
                        if (dot < 0) {
                            break;
                        }
                        op(SWAP, 2);
                        op(POP_TOP);
                    }
                    nameOp(a.asname(), Ast.ExprContext.Store);
                    op(POP_TOP);
                } else {
                    nameOp(a.asname(), Ast.ExprContext.Store);
                }
            } else {
                String store = a.name();
                int dot = store.indexOf('.');
                if (dot >= 0) {
                    store = store.substring(0, dot);
                }
                nameOp(store, Ast.ExprContext.Store);
            }
        }
    }

    private void importFrom(Ast.ImportFrom s) {
        if (s.lineno() > future.lineno() && "__future__".equals(s.module())) {
            throw syntaxError("from __future__ imports must occur at the beginning of the file");
        }
        loadConst(PyObject.Int.of(s.level()));
        List<PyObject> names = new ArrayList<>();
        for (Ast.Alias a : s.names()) {
            names.add(new PyObject.Str(a.name(), true));
        }
        loadConst(new PyObject.Tuple(names));
        opName(IMPORT_NAME, s.module() != null ? s.module() : "");
        for (int i = 0; i < s.names().size(); i++) {
            Ast.Alias a = s.names().get(i);
            if (i == 0 && a.name().startsWith("*")) {
                op(IMPORT_STAR);
                return;
            }
            opName(IMPORT_FROM, a.name());
            nameOp(a.asname() != null ? a.asname() : a.name(), Ast.ExprContext.Store);
        }
        op(POP_TOP);
    }

    // ------------------------------------------------------------------ functions and classes

    private void function(Ast.Stmt s, String name, Ast.Arguments args, List<Stmt> body, List<Expr> decorators,
            Expr returns, Kind kind) {
        checkDebugArgs(args);
        for (Expr d : decorators) {
            expr(d);
        }
        int firstLineno = decorators.isEmpty() ? s.lineno() : decorators.get(0).lineno();
        int funcflags = defaultArguments(args);
        if (annotations(args, returns)) {
            funcflags |= 0x04;
        }
        enterScope(name, kind, s, firstLineno);
        PyObject doc = options.optimize() < 2 && isDocstring(body)
                ? ((Ast.Constant) ((Ast.ExprStmt) body.get(0)).value()).value() : null;
        u.code.addConst(doc != null ? doc : PyObject.Singleton.NONE);
        u.code.argCount = args.args().size();
        u.code.posOnlyArgCount = args.posonlyargs().size();
        u.code.kwOnlyArgCount = args.kwonlyargs().size();
        for (int i = doc != null ? 1 : 0; i < body.size(); i++) {
            stmt(body.get(i));
        }
        String qualname = u.qualname;
        PyObject.Code co = exitScope(true);
        makeClosure(co, funcflags);
        applyDecorators(decorators);
        nameOp(name, Ast.ExprContext.Store);
    }

    /** Calls the decorators, innermost first, each at its own location. */
    private void applyDecorators(List<Expr> decorators) {
        int[] saved = saveLoc();
        for (int i = decorators.size() - 1; i >= 0; i--) {
            setLoc(decorators.get(i));
            op(PRECALL, 0);
            op(CALL, 0);
        }
        restoreLoc(saved);
    }

    private int defaultArguments(Ast.Arguments args) {
        int flags = 0;
        if (!args.defaults().isEmpty()) {
            for (Expr d : args.defaults()) {
                expr(d);
            }
            op(BUILD_TUPLE, args.defaults().size());
            flags |= 0x01;
        }
        List<PyObject> keys = new ArrayList<>();
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            Expr d = args.kwDefaults().get(i);
            if (d != null) {
                keys.add(identifierConst(args.kwonlyargs().get(i).arg()));
                expr(d);
            }
        }
        if (!keys.isEmpty()) {
            loadConst(new PyObject.Tuple(keys));
            op(BUILD_CONST_KEY_MAP, keys.size());
            flags |= 0x02;
        }
        return flags;
    }

    private boolean annotations(Ast.Arguments args, Expr returns) {
        int[] len = {0};
        argAnnotations(args.args(), len);
        argAnnotations(args.posonlyargs(), len);
        if (args.vararg() != null && args.vararg().annotation() != null) {
            argAnnotation(args.vararg().arg(), args.vararg().annotation(), len);
        }
        argAnnotations(args.kwonlyargs(), len);
        if (args.kwarg() != null && args.kwarg().annotation() != null) {
            argAnnotation(args.kwarg().arg(), args.kwarg().annotation(), len);
        }
        if (returns != null) {
            argAnnotation("return", returns, len);
        }
        if (len[0] > 0) {
            op(BUILD_TUPLE, len[0]);
            return true;
        }
        return false;
    }

    private void argAnnotations(List<Ast.Arg> args, int[] len) {
        for (Ast.Arg a : args) {
            if (a.annotation() != null) {
                argAnnotation(a.arg(), a.annotation(), len);
            }
        }
    }

    private void argAnnotation(String id, Expr annotation, int[] len) {
        loadConst(identifierConst(id));
        if (future.annotations()) {
            annotationValue(annotation);
        } else if (annotation instanceof Ast.Starred st) {
            expr(st.value());
            op(UNPACK_SEQUENCE, 1);
        } else {
            expr(annotation);
        }
        len[0] += 2;
    }

    /** {@code compiler_make_closure}: LOAD_CLOSURE of each free variable, then MAKE_FUNCTION. */
    private void makeClosure(PyObject.Code co, int flags) {
        List<PyObject> lpNames = ((PyObject.Tuple) co.localsPlusNames()).items();
        byte[] kinds = ((PyObject.Bytes) co.localsPlusKinds()).value();
        int nfree = 0;
        for (int i = 0; i < lpNames.size(); i++) {
            if ((kinds[i] & 0x80) != 0) { // CO_FAST_FREE
                String name = ((PyObject.Str) lpNames.get(i)).value();
                int arg;
                int cell = u.code.cellvars.indexOf(name);
                if (cell >= 0 && refTypeIsCell(name)) {
                    arg = cell;
                } else {
                    int free = u.code.freevars.indexOf(name);
                    if (free < 0) {
                        throw new IllegalStateException("closure variable " + name + " not found (this is a bug)");
                    }
                    arg = u.code.cellvars.size() + free;
                }
                op(LOAD_CLOSURE, arg);
                nfree++;
            }
        }
        if (nfree > 0) {
            flags |= 0x08;
            op(BUILD_TUPLE, nfree);
        }
        loadConst(co);
        op(MAKE_FUNCTION, flags);
    }

    /** {@code get_ref_type}: __class__ in a class is a cell; otherwise the symbol table's scope. */
    private boolean refTypeIsCell(String name) {
        if (u.kind == Kind.CLASS && name.equals("__class__")) {
            return true;
        }
        return u.scope.scope(name) == Symbols.CELL;
    }

    private void classDef(Ast.ClassDef s) {
        for (Expr d : s.decoratorList()) {
            expr(d);
        }
        int firstLineno = s.decoratorList().isEmpty() ? s.lineno() : s.decoratorList().get(0).lineno();
        enterScope(s.name(), Kind.CLASS, s, firstLineno);
        nameOp("__name__", Ast.ExprContext.Load);
        nameOp("__module__", Ast.ExprContext.Store);
        op(LOAD_CONST, u.code.addConst(u.code.qualnameObject()));
        nameOp("__qualname__", Ast.ExprContext.Store);
        body(s.body());
        unsetLoc();
        if (u.scope.needsClassClosure()) {
            op(LOAD_CLOSURE, u.code.cellvars.indexOf("__class__"));
            op(COPY, 1);
            nameOp("__classcell__", Ast.ExprContext.Store);
        } else {
            loadConst(PyObject.Singleton.NONE);
        }
        op(RETURN_VALUE);
        PyObject.Code co = exitScope(true);
        op(PUSH_NULL);
        op(LOAD_BUILD_CLASS);
        makeClosure(co, 0);
        loadConst(new PyObject.Str(s.name(), true));
        callHelper(2, s.bases(), s.keywords(), s);
        applyDecorators(s.decoratorList());
        nameOp(s.name(), Ast.ExprContext.Store);
    }

    // ------------------------------------------------------------------ names

    /** 3.11 refuses to bind or delete {@code __debug__}, at whatever location the compiler is at. */
    private void forbiddenName(String name, Ast.ExprContext ctx) {
        if (name.equals("__debug__")) {
            if (ctx == Ast.ExprContext.Store) {
                throw syntaxError("cannot assign to __debug__");
            }
            if (ctx == Ast.ExprContext.Del) {
                throw syntaxError("cannot delete __debug__");
            }
        }
    }

    private void checkDebugArgs(Ast.Arguments args) {
        for (Ast.Arg a : args.posonlyargs()) {
            forbiddenName(a.arg(), Ast.ExprContext.Store);
        }
        for (Ast.Arg a : args.args()) {
            forbiddenName(a.arg(), Ast.ExprContext.Store);
        }
        if (args.vararg() != null) {
            forbiddenName(args.vararg().arg(), Ast.ExprContext.Store);
        }
        for (Ast.Arg a : args.kwonlyargs()) {
            forbiddenName(a.arg(), Ast.ExprContext.Store);
        }
        if (args.kwarg() != null) {
            forbiddenName(args.kwarg().arg(), Ast.ExprContext.Store);
        }
    }

    private void nameOp(String name, Ast.ExprContext ctx) {
        forbiddenName(name, ctx);
        String mangled = mangle(name);
        int scope = u.scope.scope(mangled);
        boolean function = u.scope.isFunction();
        enum OpType { DEREF, FAST, GLOBAL, NAME }
        OpType t = OpType.NAME;
        boolean free = false;
        switch (scope) {
            case Symbols.FREE -> {
                t = OpType.DEREF;
                free = true;
            }
            case Symbols.CELL -> t = OpType.DEREF;
            case Symbols.LOCAL -> {
                if (function) {
                    t = OpType.FAST;
                }
            }
            case Symbols.GLOBAL_IMPLICIT -> {
                if (function) {
                    t = OpType.GLOBAL;
                }
            }
            case Symbols.GLOBAL_EXPLICIT -> t = OpType.GLOBAL;
            default -> { }
        }
        switch (t) {
            case DEREF -> {
                int arg = free ? u.code.cellvars.size() + indexOrAdd(u.code.freevars, mangled)
                        : indexOrAdd(u.code.cellvars, mangled);
                Opcode op = switch (ctx) {
                    case Load -> u.kind == Kind.CLASS ? LOAD_CLASSDEREF : LOAD_DEREF;
                    case Store -> STORE_DEREF;
                    default -> DELETE_DEREF;
                };
                op(op, arg);
            }
            case FAST -> {
                Opcode op = switch (ctx) {
                    case Load -> LOAD_FAST;
                    case Store -> STORE_FAST;
                    default -> DELETE_FAST;
                };
                op(op, u.code.addVarname(mangled));
            }
            case GLOBAL -> {
                int idx = u.code.addName(mangled);
                switch (ctx) {
                    case Load -> op(LOAD_GLOBAL, idx << 1);
                    case Store -> op(STORE_GLOBAL, idx);
                    default -> op(DELETE_GLOBAL, idx);
                }
            }
            case NAME -> {
                int idx = u.code.addName(mangled);
                switch (ctx) {
                    case Load -> op(LOAD_NAME, idx);
                    case Store -> op(STORE_NAME, idx);
                    default -> op(DELETE_NAME, idx);
                }
            }
        }
    }

    private static int indexOrAdd(List<String> list, String name) {
        int i = list.indexOf(name);
        if (i < 0) {
            list.add(name);
            i = list.size() - 1;
        }
        return i;
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expr e) {
        int[] saved = saveLoc();
        setLoc(e);
        expr1(e);
        restoreLoc(saved);
    }

    private void expr1(Expr e) {
        if (e instanceof Ast.Constant c) {
            loadConst(c.value());
        } else if (e instanceof Ast.Name n) {
            nameOp(n.id(), n.ctx());
        } else if (e instanceof Ast.Attribute a) {
            expr(a.value());
            updateStartLocationToMatchAttr(a);
            switch (a.ctx()) {
                case Load -> opName(LOAD_ATTR, a.attr());
                case Store -> {
                    forbiddenName(a.attr(), Ast.ExprContext.Store);
                    opName(STORE_ATTR, a.attr());
                }
                default -> opName(DELETE_ATTR, a.attr());
            }
        } else if (e instanceof Ast.Subscript s) {
            if (s.ctx() == Ast.ExprContext.Load) {
                checkSubscripter(s.value());
                checkIndex(s.value(), s.slice());
            }
            expr(s.value());
            expr(s.slice());
            switch (s.ctx()) {
                case Load -> op(BINARY_SUBSCR);
                case Store -> op(STORE_SUBSCR);
                default -> op(DELETE_SUBSCR);
            }
        } else if (e instanceof Ast.Slice s) {
            int n = 2;
            if (s.lower() != null) {
                expr(s.lower());
            } else {
                loadConst(PyObject.Singleton.NONE);
            }
            if (s.upper() != null) {
                expr(s.upper());
            } else {
                loadConst(PyObject.Singleton.NONE);
            }
            if (s.step() != null) {
                n++;
                expr(s.step());
            }
            op(BUILD_SLICE, n);
        } else if (e instanceof Ast.BinOp bo) {
            expr(bo.left());
            expr(bo.right());
            op(BINARY_OP, binaryOparg(bo.op()));
        } else if (e instanceof Ast.UnaryOp uo) {
            expr(uo.operand());
            op(switch (uo.op()) {
                case Invert -> UNARY_INVERT;
                case Not -> UNARY_NOT;
                case UAdd -> UNARY_POSITIVE;
                case USub -> UNARY_NEGATIVE;
            });
        } else if (e instanceof Ast.BoolOp bo) {
            Opcode j = bo.op() == Ast.BoolOperator.And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
            Label end = b().newLabel();
            List<Expr> vs = bo.values();
            for (int i = 0; i < vs.size() - 1; i++) {
                expr(vs.get(i));
                jump(j, end);
                b().nextBlock();
            }
            expr(vs.get(vs.size() - 1));
            b().useLabel(end);
        } else if (e instanceof Ast.Compare c) {
            compare(c);
        } else if (e instanceof Ast.IfExp i) {
            Label end = b().newLabel();
            Label next = b().newLabel();
            jumpIf(i.test(), next, false);
            expr(i.body());
            jumpNoLine(JUMP, end);
            b().useLabel(next);
            expr(i.orelse());
            b().useLabel(end);
        } else if (e instanceof Ast.Call c) {
            call(c);
        } else if (e instanceof Ast.ListExpr l) {
            sequence(l.elts(), l.ctx(), BUILD_LIST, LIST_EXTEND, false, l);
        } else if (e instanceof Ast.TupleExpr t) {
            sequence(t.elts(), t.ctx(), BUILD_LIST, LIST_EXTEND, true, t);
        } else if (e instanceof Ast.SetExpr s) {
            sequence(s.elts(), Ast.ExprContext.Load, BUILD_SET, SET_UPDATE, false, s);
        } else if (e instanceof Ast.DictExpr d) {
            dict(d);
        } else if (e instanceof Ast.Lambda l) {
            lambda(l);
        } else if (e instanceof Ast.ListComp c) {
            comprehension(c, "<listcomp>", c.generators(), c.elt(), null, BUILD_LIST);
        } else if (e instanceof Ast.SetComp c) {
            comprehension(c, "<setcomp>", c.generators(), c.elt(), null, BUILD_SET);
        } else if (e instanceof Ast.DictComp c) {
            comprehension(c, "<dictcomp>", c.generators(), c.key(), c.value(), BUILD_MAP);
        } else if (e instanceof Ast.GeneratorExp c) {
            comprehension(c, "<genexpr>", c.generators(), c.elt(), null, null);
        } else if (e instanceof Ast.Yield y) {
            if (!u.scope.isFunction()) {
                throw syntaxError("'yield' outside function");
            }
            if (y.value() != null) {
                expr(y.value());
            } else {
                loadConst(PyObject.Singleton.NONE);
            }
            yieldValue();
        } else if (e instanceof Ast.YieldFrom y) {
            if (!u.scope.isFunction()) {
                throw syntaxError("'yield' outside function");
            }
            if (u.kind == Kind.ASYNC_FUNCTION) {
                throw syntaxError("'yield from' inside async function");
            }
            expr(y.value());
            op(GET_YIELD_FROM_ITER);
            loadConst(PyObject.Singleton.NONE);
            yieldFrom(false);
        } else if (e instanceof Ast.Await a) {
            if (!u.scope.isFunction()) {
                throw syntaxError("'await' outside function");
            }
            if (u.kind != Kind.ASYNC_FUNCTION && u.kind != Kind.COMPREHENSION) {
                throw refuse("await outside an async function body (its error)", a);
            }
            expr(a.value());
            awaitResult(0);
        } else if (e instanceof Ast.NamedExpr ne) {
            expr(ne.value());
            op(COPY, 1);
            expr(ne.target());
        } else if (e instanceof Ast.JoinedStr j) {
            joinedStr(j);
        } else if (e instanceof Ast.FormattedValue f) {
            expr(f.value());
            int oparg = switch (f.conversion()) {
                case 's' -> 1;
                case 'r' -> 2;
                case 'a' -> 3;
                default -> 0;
            };
            if (f.formatSpec() != null) {
                expr(f.formatSpec());
                oparg |= 4;
            }
            op(FORMAT_VALUE, oparg);
        } else {
            throw refuse(e.pyName() + " expressions", e);
        }
    }

    /** {@code addop_yield}: YIELD_VALUE then RESUME 1 (async generators wrap the value first). */
    private void yieldValue() {
        if (u.scope.isGenerator() && u.scope.isCoroutine()) {
            op(ASYNC_GEN_WRAP);
        }
        op(YIELD_VALUE);
        op(RESUME, 1);
    }

    /** {@code compiler_add_yield_from}: the SEND loop. */
    private void yieldFrom(boolean await) {
        Label start = b().newLabel();
        Label resume = b().newLabel();
        Label exit = b().newLabel();
        b().useLabel(start);
        jump(SEND, exit);
        b().useLabel(resume);
        op(YIELD_VALUE, 0);
        op(RESUME, await ? 3 : 2);
        jump(JUMP_NO_INTERRUPT, start);
        b().useLabel(exit);
    }

    /** {@code compiler_comprehension}: a nested function called with the outermost iterator. */
    private void comprehension(Expr e, String name, List<Ast.Comprehension> gens, Expr elt, Expr val, Opcode build) {
        Ast.Comprehension outermost = gens.get(0);
        Kind enclosing = u.kind;
        enterScope(name, Kind.COMPREHENSION, e, e.lineno());
        boolean asyncGenerator = u.scope.isCoroutine();
        if (asyncGenerator && build != null && enclosing != Kind.ASYNC_FUNCTION && enclosing != Kind.COMPREHENSION) {
            throw refuse("asynchronous comprehension outside of an asynchronous function (its error)", e);
        }
        setLoc(e);
        if (build != null) {
            op(build, 0);
        }
        comprehensionGenerator(gens, 0, 0, elt, val, build);
        if (build != null) {
            op(RETURN_VALUE);
        }
        PyObject.Code co = exitScope(true);
        makeClosure(co, 0);
        expr(outermost.iter());
        op(outermost.isAsync() != 0 ? GET_AITER : GET_ITER);
        op(PRECALL, 0);
        op(CALL, 0);
        if (asyncGenerator && build != null) {
            op(GET_AWAITABLE, 0);
            loadConst(PyObject.Singleton.NONE);
            yieldFrom(true);
        }
    }

    /** {@code compiler_async_comprehension_generator}: an {@code async for} clause. */
    private void asyncComprehensionGenerator(List<Ast.Comprehension> gens, int index, int depth, Expr elt, Expr val,
            Opcode build) {
        Label start = b().newLabel();
        Label except = b().newLabel();
        Label ifCleanup = b().newLabel();
        Ast.Comprehension gen = gens.get(index);
        if (index == 0) {
            u.code.argCount = 1;
            op(LOAD_FAST, 0);
        } else {
            expr(gen.iter());
            op(GET_AITER);
        }
        b().useLabel(start);
        jump(SETUP_FINALLY, except);
        op(GET_ANEXT);
        loadConst(PyObject.Singleton.NONE);
        yieldFrom(true);
        op(POP_BLOCK);
        expr(gen.target());
        for (Expr cond : gen.ifs()) {
            jumpIf(cond, ifCleanup, false);
        }
        depth++;
        if (++index < gens.size()) {
            comprehensionGenerator(gens, index, depth, elt, val, build);
        }
        if (index >= gens.size()) {
            comprehensionElement(depth, elt, val, build);
        }
        b().useLabel(ifCleanup);
        jump(JUMP, start);
        b().useLabel(except);
        op(END_ASYNC_FOR);
    }

    /** The innermost step of a comprehension: yield the element or add it to the collection. */
    private void comprehensionElement(int depth, Expr elt, Expr val, Opcode build) {
        if (build == null) {
            expr(elt);
            yieldValue();
            op(POP_TOP);
        } else if (build == BUILD_LIST) {
            expr(elt);
            op(LIST_APPEND, depth + 1);
        } else if (build == BUILD_SET) {
            expr(elt);
            op(SET_ADD, depth + 1);
        } else {
            expr(elt);
            expr(val);
            op(MAP_ADD, depth + 1);
        }
    }

    private void comprehensionGenerator(List<Ast.Comprehension> gens, int index, int depth, Expr elt, Expr val,
            Opcode build) {
        if (gens.get(index).isAsync() != 0) {
            asyncComprehensionGenerator(gens, index, depth, elt, val, build);
            return;
        }
        Label start = b().newLabel();
        Label ifCleanup = b().newLabel();
        Label anchor = b().newLabel();
        Ast.Comprehension gen = gens.get(index);
        if (index == 0) {
            u.code.argCount = 1;
            op(LOAD_FAST, 0);
        } else {
            List<Expr> elts = gen.iter() instanceof Ast.ListExpr l ? l.elts()
                    : gen.iter() instanceof Ast.TupleExpr t ? t.elts() : null;
            if (elts != null && elts.size() == 1 && !(elts.get(0) instanceof Ast.Starred)) {
                expr(elts.get(0));
                start = null;
            }
            if (start != null) {
                expr(gen.iter());
                op(GET_ITER);
            }
        }
        if (start != null) {
            depth++;
            b().useLabel(start);
            jump(FOR_ITER, anchor);
        }
        expr(gen.target());
        for (Expr cond : gen.ifs()) {
            jumpIf(cond, ifCleanup, false);
        }
        if (++index < gens.size()) {
            comprehensionGenerator(gens, index, depth, elt, val, build);
        }
        if (index >= gens.size()) {
            comprehensionElement(depth, elt, val, build);
        }
        b().useLabel(ifCleanup);
        if (start != null) {
            jump(JUMP, start);
            b().useLabel(anchor);
        }
    }

    /** {@code compiler_joined_str}: BUILD_STRING, or ''.join([...]) beyond the stack guideline. */
    private void joinedStr(Ast.JoinedStr j) {
        int n = j.values().size();
        if (n > STACK_USE_GUIDELINE) {
            loadConst(new PyObject.Str("", false));
            opName(LOAD_METHOD, "join");
            op(BUILD_LIST, 0);
            for (Expr v : j.values()) {
                expr(v);
                op(LIST_APPEND, 1);
            }
            op(PRECALL, 1);
            op(CALL, 1);
            return;
        }
        for (Expr v : j.values()) {
            expr(v);
        }
        if (n != 1) {
            op(BUILD_STRING, n);
        }
    }

    /** 3.11 {@code update_start_location_to_match_attr}: a multi-line attribute starts at its name. */
    private void updateStartLocationToMatchAttr(Ast.Attribute a) {
        if (u.lineno != a.endLineno()) {
            u.lineno = a.endLineno();
            int len = a.attr().length();
            if (len <= a.endColOffset()) {
                u.col = a.endColOffset() - len;
            } else {
                u.col = -1;
                u.endCol = -1;
            }
            u.endLineno = Math.max(u.lineno, u.endLineno);
            if (u.lineno == u.endLineno) {
                u.endCol = Math.max(u.col, u.endCol);
            }
        }
    }

    /** {@code infer_type}: the type name of a literal, or null. */
    private static String inferType(Expr e) {
        if (e instanceof Ast.TupleExpr) {
            return "tuple";
        } else if (e instanceof Ast.ListExpr || e instanceof Ast.ListComp) {
            return "list";
        } else if (e instanceof Ast.DictExpr || e instanceof Ast.DictComp) {
            return "dict";
        } else if (e instanceof Ast.SetExpr || e instanceof Ast.SetComp) {
            return "set";
        } else if (e instanceof Ast.GeneratorExp) {
            return "generator";
        } else if (e instanceof Ast.Lambda) {
            return "function";
        } else if (e instanceof Ast.JoinedStr || e instanceof Ast.FormattedValue) {
            return "str";
        } else if (e instanceof Ast.Constant c) {
            PyObject v = c.value();
            if (v == PyObject.Singleton.NONE) {
                return "NoneType";
            } else if (v == PyObject.Singleton.ELLIPSIS) {
                return "ellipsis";
            } else if (v == PyObject.Singleton.TRUE || v == PyObject.Singleton.FALSE) {
                return "bool";
            } else if (v instanceof PyObject.Int) {
                return "int";
            } else if (v instanceof PyObject.Float) {
                return "float";
            } else if (v instanceof PyObject.Complex) {
                return "complex";
            } else if (v instanceof PyObject.Str) {
                return "str";
            } else if (v instanceof PyObject.Bytes) {
                return "bytes";
            } else if (v instanceof PyObject.Tuple) {
                return "tuple";
            } else if (v instanceof PyObject.PySet) {
                return "frozenset";
            }
        }
        return null;
    }

    private void checkCaller(Expr e) {
        if (e instanceof Ast.Constant || e instanceof Ast.TupleExpr || e instanceof Ast.ListExpr
                || e instanceof Ast.ListComp || e instanceof Ast.DictExpr || e instanceof Ast.DictComp
                || e instanceof Ast.SetExpr || e instanceof Ast.SetComp || e instanceof Ast.GeneratorExp
                || e instanceof Ast.JoinedStr || e instanceof Ast.FormattedValue) {
            warn("'" + inferType(e) + "' object is not callable; perhaps you missed a comma?");
        }
    }

    private void checkSubscripter(Expr e) {
        if (e instanceof Ast.Constant c) {
            PyObject v = c.value();
            if (!(v == PyObject.Singleton.NONE || v == PyObject.Singleton.ELLIPSIS || v instanceof PyObject.Int
                    || v == PyObject.Singleton.TRUE || v == PyObject.Singleton.FALSE || v instanceof PyObject.Float
                    || v instanceof PyObject.Complex || v instanceof PyObject.PySet)) {
                return;
            }
        } else if (!(e instanceof Ast.SetExpr || e instanceof Ast.SetComp || e instanceof Ast.GeneratorExp
                || e instanceof Ast.Lambda)) {
            return;
        }
        warn("'" + inferType(e) + "' object is not subscriptable; perhaps you missed a comma?");
    }

    private void checkIndex(Expr e, Expr s) {
        String indexType = s instanceof Ast.Slice ? "slice" : inferType(s);
        if (indexType == null || indexType.equals("int") || indexType.equals("bool") || indexType.equals("slice")) {
            return;
        }
        if (e instanceof Ast.Constant c) {
            PyObject v = c.value();
            if (!(v instanceof PyObject.Str || v instanceof PyObject.Bytes || v instanceof PyObject.Tuple)) {
                return;
            }
        } else if (!(e instanceof Ast.TupleExpr || e instanceof Ast.ListExpr || e instanceof Ast.ListComp
                || e instanceof Ast.JoinedStr || e instanceof Ast.FormattedValue)) {
            return;
        }
        warn(inferType(e) + " indices must be integers or slices, not " + indexType + "; perhaps you missed a comma?");
    }

    private static boolean isLiteralKind(Expr e) {
        return e instanceof Ast.Constant || e instanceof Ast.TupleExpr || e instanceof Ast.ListExpr
                || e instanceof Ast.ListComp || e instanceof Ast.DictExpr || e instanceof Ast.DictComp
                || e instanceof Ast.SetExpr || e instanceof Ast.SetComp || e instanceof Ast.GeneratorExp
                || e instanceof Ast.JoinedStr || e instanceof Ast.FormattedValue || e instanceof Ast.Lambda;
    }

    private static int binaryOparg(Ast.Operator op) {
        return switch (op) {
            case Add -> 0;
            case BitAnd -> 1;
            case FloorDiv -> 2;
            case LShift -> 3;
            case MatMult -> 4;
            case Mult -> 5;
            case Mod -> 6;
            case BitOr -> 7;
            case Pow -> 8;
            case RShift -> 9;
            case Sub -> 10;
            case Div -> 11;
            case BitXor -> 12;
        };
    }

    private void compareOp(Ast.CmpOperator op) {
        switch (op) {
            case Is -> op(IS_OP, 0);
            case IsNot -> op(IS_OP, 1);
            case In -> op(CONTAINS_OP, 0);
            case NotIn -> op(CONTAINS_OP, 1);
            case Lt -> op(COMPARE_OP, 0);
            case LtE -> op(COMPARE_OP, 1);
            case Eq -> op(COMPARE_OP, 2);
            case NotEq -> op(COMPARE_OP, 3);
            case Gt -> op(COMPARE_OP, 4);
            case GtE -> op(COMPARE_OP, 5);
        }
    }

    /** {@code check_compare}: the SyntaxWarning for {@code is} with a literal (the first one of a chain only). */
    private void checkCompare(Ast.Compare c) {
        Expr left = c.left();
        boolean leftOk = isCheckable(left);
        for (int i = 0; i < c.ops().size(); i++) {
            Ast.CmpOperator op = c.ops().get(i);
            Expr right = c.comparators().get(i);
            boolean rightOk = isCheckable(right);
            if ((op == Ast.CmpOperator.Is || op == Ast.CmpOperator.IsNot) && (!leftOk || !rightOk)) {
                warn(op == Ast.CmpOperator.Is ? "\"is\" with a literal. Did you mean \"==\"?"
                        : "\"is not\" with a literal. Did you mean \"!=\"?");
                return; // one warning per comparison chain
            }
            leftOk = rightOk;
        }
    }

    private static boolean isCheckable(Expr e) {
        if (!(e instanceof Ast.Constant c)) {
            return true;
        }
        PyObject v = c.value();
        return v == PyObject.Singleton.NONE || v == PyObject.Singleton.FALSE || v == PyObject.Singleton.TRUE
                || v == PyObject.Singleton.ELLIPSIS;
    }

    private void compare(Ast.Compare c) {
        checkCompare(c);
        int n = c.ops().size() - 1;
        expr(c.left());
        if (n == 0) {
            expr(c.comparators().get(0));
            compareOp(c.ops().get(0));
            return;
        }
        Label cleanup = b().newLabel();
        for (int i = 0; i < n; i++) {
            expr(c.comparators().get(i));
            op(SWAP, 2);
            op(COPY, 2);
            compareOp(c.ops().get(i));
            jump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        expr(c.comparators().get(n));
        compareOp(c.ops().get(n));
        Label end = b().newLabel();
        jumpNoLine(JUMP, end);
        b().useLabel(cleanup);
        op(SWAP, 2);
        op(POP_TOP);
        b().useLabel(end);
    }

    /** {@code compiler_jump_if}: jump to {@code next} when {@code e} is {@code cond}. */
    private void jumpIf(Expr e, Label next, boolean cond) {
        if (e instanceof Ast.UnaryOp uo && uo.op() == Ast.UnaryOperator.Not) {
            jumpIf(uo.operand(), next, !cond);
            return;
        }
        if (e instanceof Ast.BoolOp bo) {
            List<Expr> s = bo.values();
            int n = s.size() - 1;
            boolean cond2 = bo.op() == Ast.BoolOperator.Or;
            Label next2 = next;
            if (cond2 != cond) {
                next2 = b().newLabel();
            }
            for (int i = 0; i < n; i++) {
                jumpIf(s.get(i), next2, cond2);
            }
            jumpIf(s.get(n), next, cond);
            if (next2 != next) {
                b().useLabel(next2);
            }
            return;
        }
        if (e instanceof Ast.IfExp ie) {
            Label end = b().newLabel();
            Label next2 = b().newLabel();
            jumpIf(ie.test(), next2, false);
            jumpIf(ie.body(), next, cond);
            jumpNoLine(JUMP, end);
            b().useLabel(next2);
            jumpIf(ie.orelse(), next, cond);
            b().useLabel(end);
            return;
        }
        if (e instanceof Ast.Compare cmp) {
            // 3.11 moves the current location to the comparison here, and leaves it there: its jumps,
            // and those of the conditions that follow in the same test, carry the comparison's span
            setLoc(cmp);
        }
        if (e instanceof Ast.Compare c && c.ops().size() > 1) {
            int n = c.ops().size() - 1;
            checkCompare(c);
            Label cleanup = b().newLabel();
            expr(c.left());
            for (int i = 0; i < n; i++) {
                expr(c.comparators().get(i));
                op(SWAP, 2);
                op(COPY, 2);
                compareOp(c.ops().get(i));
                jump(POP_JUMP_IF_FALSE, cleanup);
            }
            expr(c.comparators().get(n));
            compareOp(c.ops().get(n));
            jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
            Label end = b().newLabel();
            jumpNoLine(JUMP, end);
            b().useLabel(cleanup);
            op(POP_TOP);
            if (!cond) {
                jumpNoLine(JUMP, next);
            }
            b().useLabel(end);
            return;
        }
        expr(e);
        jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    }

    private void call(Ast.Call c) {
        checkCaller(c.func());
        checkKeywords(c.keywords(), c);
        if (c.func() instanceof Ast.Attribute meth && meth.ctx() == Ast.ExprContext.Load
                && !isImportOriginated(meth.value()) && methodCallOk(c)) {
            expr(meth.value());
            int[] callLoc = saveLoc();
            setLoc(meth);
            updateStartLocationToMatchAttr(meth);
            opName(LOAD_METHOD, meth.attr());
            for (Expr a : c.args()) {
                expr(a);
            }
            if (!c.keywords().isEmpty()) {
                for (Ast.Keyword k : c.keywords()) {
                    expr(k.value());
                }
                kwNames(c.keywords()); // still at the method's location, as 3.11
            }
            restoreLoc(callLoc);
            updateStartLocationToMatchAttr(meth); // the call, too, starts at a multi-line method's name
            op(PRECALL, c.args().size() + c.keywords().size());
            op(CALL, c.args().size() + c.keywords().size());
            return;
        }
        int[] callLoc = saveLoc();
        setLoc(c.func());
        op(PUSH_NULL);
        restoreLoc(callLoc);
        expr(c.func());
        callHelper(0, c.args(), c.keywords(), c);
    }

    private boolean methodCallOk(Ast.Call c) {
        int argsl = c.args().size();
        int kwdsl = c.keywords().size();
        if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= STACK_USE_GUIDELINE) {
            return false;
        }
        for (Expr a : c.args()) {
            if (a instanceof Ast.Starred) {
                return false;
            }
        }
        for (Ast.Keyword k : c.keywords()) {
            if (k.arg() == null) {
                return false;
            }
        }
        return true;
    }

    private boolean isImportOriginated(Expr e) {
        if (!(e instanceof Ast.Name n)) {
            return false;
        }
        return (symbols.top().flags(n.id()) & Symbols.DEF_IMPORT) != 0;
    }

    private void checkKeywords(List<Ast.Keyword> keywords, Ast.Located where) {
        for (int i = 0; i < keywords.size(); i++) {
            String a = keywords.get(i).arg();
            if (a == null) {
                continue;
            }
            forbiddenName(a, Ast.ExprContext.Store);
            for (int j = i + 1; j < keywords.size(); j++) {
                if (a.equals(keywords.get(j).arg())) {
                    setLoc(keywords.get(j));
                    throw syntaxError("keyword argument repeated: " + a);
                }
            }
        }
    }

    private void kwNames(List<Ast.Keyword> keywords) {
        List<PyObject> names = new ArrayList<>();
        for (Ast.Keyword k : keywords) {
            names.add(new PyObject.Str(k.arg(), true));
        }
        op(KW_NAMES, u.code.addConst(new PyObject.Tuple(names)));
    }

    private void callHelper(int n, List<Expr> args, List<Ast.Keyword> keywords, Ast.Located where) {
        checkKeywords(keywords, where);
        int nelts = args.size();
        int nkwelts = keywords.size();
        boolean general = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
        for (Expr a : args) {
            general |= a instanceof Ast.Starred;
        }
        for (Ast.Keyword k : keywords) {
            general |= k.arg() == null;
        }
        if (!general) {
            for (Expr a : args) {
                expr(a);
            }
            if (nkwelts > 0) {
                for (Ast.Keyword k : keywords) {
                    expr(k.value());
                }
                kwNames(keywords);
            }
            op(PRECALL, n + nelts + nkwelts);
            op(CALL, n + nelts + nkwelts);
            return;
        }
        // ex_call: positional arguments as one tuple, keywords as one dict
        if (n == 0 && nelts == 1 && args.get(0) instanceof Ast.Starred st) {
            expr(st.value());
        } else {
            starunpack(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true, where);
        }
        if (nkwelts > 0) {
            boolean haveDict = false;
            int nseen = 0;
            for (int i = 0; i < nkwelts; i++) {
                Ast.Keyword kw = keywords.get(i);
                if (kw.arg() == null) {
                    if (nseen > 0) {
                        subkwargs(keywords, i - nseen, i);
                        if (haveDict) {
                            op(DICT_MERGE, 1);
                        }
                        haveDict = true;
                        nseen = 0;
                    }
                    if (!haveDict) {
                        op(BUILD_MAP, 0);
                        haveDict = true;
                    }
                    expr(kw.value());
                    op(DICT_MERGE, 1);
                } else {
                    nseen++;
                }
            }
            if (nseen > 0) {
                subkwargs(keywords, nkwelts - nseen, nkwelts);
                if (haveDict) {
                    op(DICT_MERGE, 1);
                }
            }
        }
        op(CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
    }

    private void subkwargs(List<Ast.Keyword> keywords, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big) {
            List<PyObject> keys = new ArrayList<>();
            for (int i = begin; i < end; i++) {
                expr(keywords.get(i).value());
                keys.add(new PyObject.Str(keywords.get(i).arg(), true));
            }
            loadConst(new PyObject.Tuple(keys));
            op(BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) {
            b().emit(BUILD_MAP, 0, Location.NOLINE);
        }
        for (int i = begin; i < end; i++) {
            loadConst(new PyObject.Str(keywords.get(i).arg(), true));
            expr(keywords.get(i).value());
            if (big) {
                b().emit(MAP_ADD, 1, Location.NOLINE);
            }
        }
        if (!big) {
            op(BUILD_MAP, n);
        }
    }

    /** {@code starunpack_helper}: a list, tuple or set display (or call arguments) with {@code pushed} items below. */
    private void starunpack(List<Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend, boolean tuple,
            Ast.Located node) {
        int n = elts.size();
        if (n > 2 && allConstant(elts)) {
            List<PyObject> items = new ArrayList<>();
            for (Expr x : elts) {
                items.add(((Ast.Constant) x).value());
            }
            if (tuple && pushed == 0) {
                loadConst(new PyObject.Tuple(items));
            } else {
                op(build, pushed);
                loadConst(add == SET_ADD ? PyObject.PySet.frozenOf(items) : new PyObject.Tuple(items));
                op(extend, 1);
                if (tuple) {
                    op(LIST_TO_TUPLE);
                }
            }
            return;
        }
        boolean big = n + pushed > STACK_USE_GUIDELINE;
        boolean seenStar = false;
        for (Expr x : elts) {
            seenStar |= x instanceof Ast.Starred;
        }
        if (!seenStar && !big) {
            for (Expr x : elts) {
                expr(x);
            }
            op(tuple ? BUILD_TUPLE : build, n + pushed);
            return;
        }
        boolean built = false;
        if (big) {
            op(build, pushed);
            built = true;
        }
        for (int i = 0; i < n; i++) {
            Expr x = elts.get(i);
            if (x instanceof Ast.Starred st) {
                if (!built) {
                    op(build, i + pushed);
                    built = true;
                }
                expr(st.value());
                op(extend, 1);
            } else {
                expr(x);
                if (built) {
                    op(add, 1);
                }
            }
        }
        if (tuple) {
            op(LIST_TO_TUPLE);
        }
    }

    private void sequence(List<Expr> elts, Ast.ExprContext ctx, Opcode build, Opcode extend, boolean tuple,
            Ast.Located node) {
        if (ctx == Ast.ExprContext.Store) {
            int n = elts.size();
            boolean seenStar = false;
            for (int i = 0; i < n; i++) {
                if (elts.get(i) instanceof Ast.Starred) {
                    if (seenStar) {
                        throw syntaxError("multiple starred expressions in assignment");
                    }
                    if (i >= (1 << 8)) {
                        throw refuse("star-unpacking of this many items (its error)", node);
                    }
                    op(UNPACK_EX, i + ((n - i - 1) << 8));
                    seenStar = true;
                }
            }
            if (!seenStar) {
                op(UNPACK_SEQUENCE, n);
            }
            for (Expr x : elts) {
                expr(x instanceof Ast.Starred st ? st.value() : x);
            }
            return;
        }
        if (ctx == Ast.ExprContext.Del) {
            for (Expr x : elts) {
                expr(x);
            }
            return;
        }
        Opcode add = build == BUILD_SET ? SET_ADD : LIST_APPEND;
        starunpack(elts, 0, build, add, extend, tuple, node);
    }

    private static boolean allConstant(List<Expr> elts) {
        for (Expr x : elts) {
            if (!(x instanceof Ast.Constant)) {
                return false;
            }
        }
        return true;
    }

    private void dict(Ast.DictExpr d) {
        int n = d.values().size();
        boolean haveDict = false;
        int elements = 0;
        for (int i = 0; i < n; i++) {
            if (d.keys().get(i) == null) {
                if (elements > 0) {
                    subdict(d, i - elements, i);
                    if (haveDict) {
                        op(DICT_UPDATE, 1);
                    }
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict) {
                    op(BUILD_MAP, 0);
                    haveDict = true;
                }
                expr(d.values().get(i));
                op(DICT_UPDATE, 1);
            } else if (elements * 2 > STACK_USE_GUIDELINE) {
                subdict(d, i - elements, i + 1);
                if (haveDict) {
                    op(DICT_UPDATE, 1);
                }
                haveDict = true;
                elements = 0;
            } else {
                elements++;
            }
        }
        if (elements > 0) {
            subdict(d, n - elements, n);
            if (haveDict) {
                op(DICT_UPDATE, 1);
            }
            haveDict = true;
        }
        if (!haveDict) {
            op(BUILD_MAP, 0);
        }
    }

    private void subdict(Ast.DictExpr d, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big && allConstant(d.keys().subList(begin, end))) {
            List<PyObject> keys = new ArrayList<>();
            for (int i = begin; i < end; i++) {
                expr(d.values().get(i));
                keys.add(((Ast.Constant) d.keys().get(i)).value());
            }
            loadConst(new PyObject.Tuple(keys));
            op(BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big) {
            op(BUILD_MAP, 0);
        }
        for (int i = begin; i < end; i++) {
            expr(d.keys().get(i));
            expr(d.values().get(i));
            if (big) {
                op(MAP_ADD, 1);
            }
        }
        if (!big) {
            op(BUILD_MAP, n);
        }
    }

    private void lambda(Ast.Lambda l) {
        checkDebugArgs(l.args());
        int funcflags = defaultArguments(l.args());
        enterScope("<lambda>", Kind.LAMBDA, l, l.lineno());
        u.code.addConst(PyObject.Singleton.NONE);
        u.code.argCount = l.args().args().size();
        u.code.posOnlyArgCount = l.args().posonlyargs().size();
        u.code.kwOnlyArgCount = l.args().kwonlyargs().size();
        expr(l.body());
        PyObject.Code co;
        if (u.scope.isGenerator()) {
            co = exitScope(false);
        } else {
            op(RETURN_VALUE);
            co = exitScope(true);
        }
        makeClosure(co, funcflags);
    }
}
