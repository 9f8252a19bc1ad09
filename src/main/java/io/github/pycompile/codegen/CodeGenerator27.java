package io.github.pycompile.codegen;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.assemble.Assembler27;
import io.github.pycompile.assemble.Block2;
import io.github.pycompile.assemble.Opcodes2;
import io.github.pycompile.assemble.Py2Values;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.ExprContext;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.symtable.SymbolTable2;
import io.github.pycompile.symtable.SymbolTable2.Block;
import io.github.pycompile.symtable.SymbolTable2.BlockType;
import io.github.pycompile.target.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Code generation of CPython 2.7 ({@code compiler_*} of {@code Python/compile.c}): the tree of a
 * module, with its {@link SymbolTable2}, becomes basic blocks of real 2.7 instructions, each code
 * unit handed to {@link Assembler27} as 2.7 does (inner code objects first). It follows 2.7's
 * choices: constants merged by type and value with {@code None} first in functions, inline list
 * comprehensions, nested scopes for generator expressions and set/dict comprehensions,
 * {@code SLICE+n} for simple slices, {@code if}/{@code while} on constants (and {@code __debug__})
 * decided at compile time, {@code -O} dropping asserts and {@code -OO} docstrings, line numbers
 * only on the first instruction of a statement or of an expression on a later line.
 *
 * <p>2.6 is a variation of this class, not a copy, switched by {@code Opcodes2.py26}: 2.6's opcode
 * numbers and stack effects, conditional jumps as {@code JUMP_IF_FALSE/TRUE} leaving the value (a
 * {@code POP_TOP} on both paths), {@code assert} raising with {@code RAISE_VARARGS 2}, generator
 * expressions inside {@code SETUP_LOOP}, the line marked again at each loop's start, lambdas
 * without None as first constant; its peephole rules are gated the same way in {@code Peephole27};
 * list comprehensions and {@code with} through hidden {@code _[N]} locals, unicode constants as the
 * code units of 2.6's narrow build (and unicode indexing folded on them); cell and free variables
 * come in the order of 2.6's symbol dict ({@code SymbolTable2}). Whether a name-like string of a
 * folded constant tuple is written interned depends on what 2.6's interpreter interned before
 * ({@code Assembler27}, {@code Interned26}); strings of unknown standing are refused.
 */
public final class CodeGenerator27 {
    public static final int CO_OPTIMIZED = 0x1;
    public static final int CO_NEWLOCALS = 0x2;
    public static final int CO_VARARGS = 0x4;
    public static final int CO_VARKEYWORDS = 0x8;
    public static final int CO_NESTED = 0x10;
    public static final int CO_GENERATOR = 0x20;
    public static final int CO_NOFREE = 0x40;
    public static final int CO_FUTURE_DIVISION = 0x2000;
    public static final int CO_FUTURE_ABSOLUTE_IMPORT = 0x4000;
    public static final int CO_FUTURE_WITH_STATEMENT = 0x8000;
    public static final int CO_FUTURE_PRINT_FUNCTION = 0x10000;
    public static final int CO_FUTURE_UNICODE_LITERALS = 0x20000;
    private static final int CO_MAXBLOCKS = 20;
    private static final int MAX_DEPTH = 500;

    private enum FBlock { LOOP, EXCEPT, FINALLY_TRY, FINALLY_END }

    private record FBlockInfo(FBlock type, Block2 block) {}

    /** CPython's compiler_unit. */
    private static final class Unit {
        Block ste;
        String name;
        boolean nameInterned;
        final Map<Py2Values.Key, Integer> consts = new LinkedHashMap<>();
        final List<PyObject> constList = new ArrayList<>();
        final Map<String, Integer> names = new LinkedHashMap<>();
        final Map<String, Integer> varnames = new LinkedHashMap<>();
        final Map<String, Integer> cellvars = new LinkedHashMap<>();
        final Map<String, Integer> freevars = new LinkedHashMap<>();
        String privateName;
        int argcount;
        final List<Block2> blocks = new ArrayList<>();
        Block2 cur;
        final List<FBlockInfo> fblocks = new ArrayList<>();
        int firstlineno;
        int lineno;
        boolean linenoSet;
        /** 2.6: the last hidden local {@code _[N]} allocated in this unit. */
        int tmpname;
    }

    private final Opcodes2 o;
    private final SymbolTable2 st;
    private final int futureFlags;
    private final int optimize;
    private final String filename;
    private final PythonVersion target;
    private final Consumer<CompilerWarning> warnings;
    private final Assembler27 assembler;
    private final List<Unit> stack = new ArrayList<>();
    private Unit u;
    private int depth;

    private CodeGenerator27(Opcodes2 o, SymbolTable2 st, int futureFlags, int optimize, String filename,
            PythonVersion target, Consumer<CompilerWarning> warnings) {
        this.o = o;
        this.st = st;
        this.futureFlags = futureFlags;
        this.optimize = optimize;
        this.filename = filename;
        this.target = target;
        this.warnings = warnings;
        this.assembler = new Assembler27(o);
    }

    // ------------------------------------------------------------------ __future__

    /**
     * 2.7's future_parse: the flags of the {@code from __future__} imports at the top of the module
     * (after an optional docstring), and the line of the last one (-1 when none), as {@code {flags, line}}.
     */
    public static int[] futureFeatures(Ast.ModuleNode mod, String filename) throws PythonError {
        int flags = 0;
        int ffLineno = -1;
        boolean foundDocstring = false;
        boolean done = false;
        int prevLine = 0;
        for (Stmt s : mod.body()) {
            if (done && s.lineno() > prevLine) {
                break;
            }
            prevLine = s.lineno();
            if (s instanceof Ast.ImportFrom f) {
                if ("__future__".equals(f.module())) {
                    if (done) {
                        throw new PythonError("SyntaxError",
                                "from __future__ imports must occur at the beginning of the file", filename,
                                s.lineno(), -1, null, -1, -1);
                    }
                    for (Ast.Alias a : f.names()) {
                        switch (a.name()) {
                            case "nested_scopes", "generators" -> { }
                            case "division" -> flags |= CO_FUTURE_DIVISION;
                            case "absolute_import" -> flags |= CO_FUTURE_ABSOLUTE_IMPORT;
                            case "with_statement" -> flags |= CO_FUTURE_WITH_STATEMENT;
                            case "print_function" -> flags |= CO_FUTURE_PRINT_FUNCTION;
                            case "unicode_literals" -> flags |= CO_FUTURE_UNICODE_LITERALS;
                            case "braces" -> throw new PythonError("SyntaxError", "not a chance", filename,
                                    s.lineno(), -1, null, -1, -1);
                            default -> throw new PythonError("SyntaxError",
                                    "future feature " + a.name() + " is not defined", filename, s.lineno(), -1,
                                    null, -1, -1);
                        }
                    }
                    ffLineno = s.lineno();
                } else {
                    done = true;
                }
            } else if (s instanceof Ast.ExprStmt e && !foundDocstring) {
                if (isStr(e.value())) {
                    foundDocstring = true;
                } else {
                    done = true;
                }
            } else {
                done = true;
            }
        }
        return new int[] {flags, ffLineno};
    }

    private int ffLineno = -1;

    /**
     * The module's code object, as 2.7's {@code PyAST_Compile} builds it; {@code future} is what
     * {@link #futureFeatures} found.
     */
    public static PyObject.Code compileModule(Ast.ModuleNode mod, SymbolTable2 st, int[] future, int optimize,
            String filename, PythonVersion target, Consumer<CompilerWarning> warnings)
            throws PythonError, UnsupportedFeatureException {
        CodeGenerator27 g = new CodeGenerator27(Opcodes2.of(target), st, future[0], optimize, filename, target,
                warnings);
        g.ffLineno = future[1];
        if (g.o.py26) {
            // strings 2.6's interpreter has interned before any code object is made: the tree's identifiers
            g.assembler.knownInterned26().addAll(io.github.pycompile.ast.AstIdentifiers.of(mod));
        }
        try {
            g.enterScope("<module>", true, mod, 0);
            g.body(mod.body());
            PyObject.Code co = g.assemble(true);
            g.exitScope();
            return co;
        } catch (Py2Values.Unreproducible e) {
            throw new UnsupportedFeatureException(target, e.getMessage(), -1);
        }
    }

    private static boolean isStr(Expr e) {
        return e instanceof Ast.Constant c && (c.value() instanceof Bytes || c.value() instanceof PyObject.Str);
    }

    private static boolean isNum(Expr e) {
        return e instanceof Ast.Constant c && (c.value() instanceof Int || c.value() instanceof PyObject.Float
                || c.value() instanceof PyObject.Complex);
    }

    // ------------------------------------------------------------------ units and blocks

    private void enterScope(String name, boolean nameInterned, Object key, int lineno)
            throws UnsupportedFeatureException {
        Unit nu = new Unit();
        nu.ste = st.block(key);
        nu.name = name;
        nu.nameInterned = nameInterned;
        for (String v : nu.ste.varnames) {
            nu.varnames.putIfAbsent(v, nu.varnames.size());
        }
        for (String c : nu.ste.cellvars()) {
            nu.cellvars.put(c, nu.cellvars.size());
        }
        int off = nu.cellvars.size();
        for (String f : nu.ste.freevars()) {
            nu.freevars.put(f, off + nu.freevars.size());
        }
        nu.firstlineno = lineno;
        if (u != null) {
            stack.add(u);
            nu.privateName = u.privateName;
        }
        u = nu;
        useNewBlock();
    }

    private void exitScope() {
        u = stack.isEmpty() ? null : stack.remove(stack.size() - 1);
    }

    private Block2 newBlock() {
        Block2 b = new Block2();
        u.blocks.add(b);
        return b;
    }

    private Block2 useNewBlock() {
        Block2 b = newBlock();
        u.cur = b;
        return b;
    }

    private void nextBlock() {
        Block2 b = newBlock();
        u.cur.next = b;
        u.cur = b;
    }

    private void useNextBlock(Block2 b) {
        u.cur.next = b;
        u.cur = b;
    }

    private void add(Block2.Instr in) {
        u.cur.instrs.add(in);
        if (!u.linenoSet) {
            u.linenoSet = true;
            in.lineno = u.lineno;
        }
    }

    private void op(int opcode) {
        if (opcode == o.RETURN_VALUE) {
            u.cur.returns = true;
        }
        add(new Block2.Instr(opcode, 0, false, null, false));
    }

    private void opI(int opcode, int arg) {
        add(new Block2.Instr(opcode, arg, true, null, false));
    }

    private void jabs(int opcode, Block2 target) {
        add(new Block2.Instr(opcode, 0, true, target, true));
    }

    private void jrel(int opcode, Block2 target) {
        add(new Block2.Instr(opcode, 0, true, target, false));
    }

    private int addConst(PyObject value) {
        if (o.py26) {
            // the 2.6 reference is a narrow (UTF-16) build: a unicode string is its code units, so escapes
            // spelling a surrogate pair give the very string the pair's character gives
            value = narrow(value);
        }
        Py2Values.Key k = new Py2Values.Key(value);
        Integer idx = u.consts.get(k);
        if (idx != null) {
            return idx;
        }
        int n = u.consts.size();
        u.consts.put(k, n);
        u.constList.add(value);
        return n;
    }

    private static PyObject narrow(PyObject value) {
        if (value instanceof PyObject.Str s && s.lonePairs()) {
            return new PyObject.Str(s.value(), false);
        }
        if (value instanceof PyObject.Tuple t) {
            List<PyObject> items = new ArrayList<>(t.items().size());
            boolean changed = false;
            for (PyObject x : t.items()) {
                PyObject y = narrow(x);
                changed |= y != x;
                items.add(y);
            }
            return changed ? new PyObject.Tuple(items) : value;
        }
        return value;
    }

    private void loadConst(PyObject value) {
        opI(o.LOAD_CONST, addConst(value));
    }

    private static int addName(Map<String, Integer> dict, String name) {
        Integer idx = dict.get(name);
        if (idx != null) {
            return idx;
        }
        int n = dict.size();
        dict.put(name, n);
        return n;
    }

    private void opName(int opcode, String name) {
        opI(opcode, addName(u.names, SymbolTable2.mangle(u.privateName, name)));
    }

    private static Bytes str(String s) {
        return new Bytes(s.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private PythonError error(String msg) {
        return new PythonError("SyntaxError", msg, filename, u.lineno, -1, null, -1, -1);
    }

    private void guard() throws UnsupportedFeatureException {
        if (depth > MAX_DEPTH) {
            throw new UnsupportedFeatureException(target, "code nested this deeply", u.lineno);
        }
    }

    private PyObject.Code assemble(boolean addNone) throws UnsupportedFeatureException {
        if (!u.cur.returns) {
            nextBlock();
            if (addNone) {
                loadConst(Singleton.NONE);
            }
            op(o.RETURN_VALUE);
        }
        List<String> names = new ArrayList<>(u.names.keySet());
        List<String> varnames = new ArrayList<>(u.varnames.keySet());
        List<String> cellvars = new ArrayList<>(u.cellvars.keySet());
        List<String> freevars = new ArrayList<>(u.freevars.keySet());
        return assembler.assemble(new Assembler27.Unit(u.blocks, u.constList, names, varnames, cellvars,
                freevars, u.argcount, codeFlags(), u.firstlineno, u.name, u.nameInterned, filename));
    }

    private int codeFlags() {
        Block ste = u.ste;
        int flags = 0;
        if (ste.type != BlockType.MODULE) {
            flags |= CO_NEWLOCALS;
        }
        if (ste.type == BlockType.FUNCTION) {
            if (ste.unoptimized == 0) {
                flags |= CO_OPTIMIZED;
            }
            if (ste.nested) {
                flags |= CO_NESTED;
            }
            if (ste.generator) {
                flags |= CO_GENERATOR;
            }
            if (ste.varargs) {
                flags |= CO_VARARGS;
            }
            if (ste.varkeywords) {
                flags |= CO_VARKEYWORDS;
            }
        }
        flags |= futureFlags & (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT
                | CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS);
        if (u.freevars.isEmpty() && u.cellvars.isEmpty()) {
            flags |= CO_NOFREE;
        }
        return flags;
    }

    private void pushFBlock(FBlock t, Block2 b) throws UnsupportedFeatureException {
        if (u.fblocks.size() >= CO_MAXBLOCKS) {
            throw new UnsupportedFeatureException(target, "more than 20 statically nested blocks", u.lineno);
        }
        u.fblocks.add(new FBlockInfo(t, b));
    }

    private void popFBlock() {
        u.fblocks.remove(u.fblocks.size() - 1);
    }

    // ------------------------------------------------------------------ statements

    private void body(List<Stmt> stmts) throws PythonError, UnsupportedFeatureException {
        if (stmts.isEmpty()) {
            return;
        }
        int i = 0;
        Stmt first = stmts.get(0);
        if (first instanceof Ast.ExprStmt e && isStr(e.value()) && optimize < 2) {
            i = 1;
            expr(e.value());
            nameop("__doc__", ExprContext.Store);
        }
        for (; i < stmts.size(); i++) {
            stmt(stmts.get(i));
        }
    }

    private void stmts(List<Stmt> body) throws PythonError, UnsupportedFeatureException {
        if (body != null) {
            for (Stmt s : body) {
                stmt(s);
            }
        }
    }

    private void stmt(Stmt s) throws PythonError, UnsupportedFeatureException {
        depth++;
        guard();
        try {
            u.lineno = s.lineno();
            u.linenoSet = false;
            stmt0(s);
        } finally {
            depth--;
        }
    }

    private void stmt0(Stmt s) throws PythonError, UnsupportedFeatureException {
        if (s instanceof Ast.Py2FunctionDef f) {
            function(f);
        } else if (s instanceof Ast.ClassDef c) {
            classDef(c);
        } else if (s instanceof Ast.Return r) {
            if (u.ste.type != BlockType.FUNCTION) {
                throw error("'return' outside function");
            }
            if (r.value() != null) {
                expr(r.value());
            } else {
                loadConst(Singleton.NONE);
            }
            op(o.RETURN_VALUE);
        } else if (s instanceof Ast.Delete d) {
            for (Expr t : d.targets()) {
                expr(t);
            }
        } else if (s instanceof Ast.Assign a) {
            expr(a.value());
            int n = a.targets().size();
            for (int i = 0; i < n; i++) {
                if (i < n - 1) {
                    op(o.DUP_TOP);
                }
                expr(a.targets().get(i));
            }
        } else if (s instanceof Ast.AugAssign a) {
            augassign(a);
        } else if (s instanceof Ast.Print p) {
            print(p);
        } else if (s instanceof Ast.For f) {
            forLoop(f);
        } else if (s instanceof Ast.While w) {
            whileLoop(w);
        } else if (s instanceof Ast.If i) {
            ifStmt(i);
        } else if (s instanceof Ast.Py2Raise r) {
            int n = 0;
            if (r.type() != null) {
                expr(r.type());
                n++;
                if (r.inst() != null) {
                    expr(r.inst());
                    n++;
                    if (r.tback() != null) {
                        expr(r.tback());
                        n++;
                    }
                }
            }
            opI(o.RAISE_VARARGS, n);
        } else if (s instanceof Ast.TryExcept t) {
            tryExcept(t);
        } else if (s instanceof Ast.TryFinally t) {
            tryFinally(t);
        } else if (s instanceof Ast.Assert a) {
            assertStmt(a);
        } else if (s instanceof Ast.Import im) {
            importStmt(im);
        } else if (s instanceof Ast.ImportFrom im) {
            importFrom(im);
        } else if (s instanceof Ast.Exec e) {
            expr(e.body());
            if (e.globals() != null) {
                expr(e.globals());
                if (e.locals() != null) {
                    expr(e.locals());
                } else {
                    op(o.DUP_TOP);
                }
            } else {
                loadConst(Singleton.NONE);
                op(o.DUP_TOP);
            }
            op(o.EXEC_STMT);
        } else if (s instanceof Ast.Global g) {
        } else if (s instanceof Ast.ExprStmt e) {
            if (!isStr(e.value()) && !isNum(e.value())) {
                expr(e.value());
                op(o.POP_TOP);
            }
        } else if (s instanceof Ast.Pass p) {
        } else if (s instanceof Ast.Break b) {
            boolean inLoop = false;
            for (FBlockInfo f : u.fblocks) {
                inLoop |= f.type() == FBlock.LOOP;
            }
            if (!inLoop) {
                throw error("'break' outside loop");
            }
            op(o.BREAK_LOOP);
        } else if (s instanceof Ast.Continue c) {
            continueStmt();
        } else if (s instanceof Ast.With w) {
            with(w, 0);
        } else {
            throw new UnsupportedFeatureException(target, "the statement " + s.pyName(), s.lineno());
        }
    }

    private void continueStmt() throws PythonError {
        if (u.fblocks.isEmpty()) {
            throw error("'continue' not properly in loop");
        }
        int i = u.fblocks.size() - 1;
        FBlockInfo top = u.fblocks.get(i);
        switch (top.type()) {
            case LOOP -> jabs(o.JUMP_ABSOLUTE, top.block());
            case EXCEPT, FINALLY_TRY -> {
                while (--i >= 0 && u.fblocks.get(i).type() != FBlock.LOOP) {
                    if (u.fblocks.get(i).type() == FBlock.FINALLY_END) {
                        throw error("'continue' not supported inside 'finally' clause");
                    }
                }
                if (i == -1) {
                    throw error("'continue' not properly in loop");
                }
                jabs(o.CONTINUE_LOOP, u.fblocks.get(i).block());
            }
            case FINALLY_END -> throw error("'continue' not supported inside 'finally' clause");
        }
    }

    private void decorators(List<Expr> decos) throws PythonError, UnsupportedFeatureException {
        for (Expr d : decos) {
            expr(d);
        }
    }

    /** compiler_arguments: unpacks the tuple parameters from their hidden {@code .N} locals. */
    private void arguments(Ast.Py2Arguments args) throws PythonError, UnsupportedFeatureException {
        List<Expr> list = args.args();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Ast.TupleExpr t) {
                nameop("." + i, ExprContext.Load);
                expr(t);
            }
        }
    }

    private void function(Ast.Py2FunctionDef f) throws PythonError, UnsupportedFeatureException {
        decorators(f.decoratorList());
        for (Expr d : f.args().defaults()) {
            expr(d);
        }
        enterScope(f.name(), true, f, f.lineno());
        Stmt first = f.body().get(0);
        boolean docstring = first instanceof Ast.ExprStmt e && isStr(e.value());
        PyObject firstConst = Singleton.NONE;
        if (docstring && optimize < 2) {
            firstConst = ((Ast.Constant) ((Ast.ExprStmt) first).value()).value();
        }
        addConst(firstConst);
        arguments(f.args());
        u.argcount = f.args().args().size();
        for (int i = docstring ? 1 : 0; i < f.body().size(); i++) {
            stmt(f.body().get(i));
        }
        PyObject.Code co = assemble(true);
        exitScope();
        makeClosure(co, f.args().defaults().size());
        for (int i = 0; i < f.decoratorList().size(); i++) {
            opI(o.CALL_FUNCTION, 1);
        }
        nameop(f.name(), ExprContext.Store);
    }

    private void classDef(Ast.ClassDef c) throws PythonError, UnsupportedFeatureException {
        decorators(c.decoratorList());
        loadConst(new Bytes(c.name().getBytes(StandardCharsets.ISO_8859_1), true));
        for (Expr b : c.bases()) {
            expr(b);
        }
        opI(o.BUILD_TUPLE, c.bases().size());
        enterScope(c.name(), true, c, c.lineno());
        u.privateName = c.name();
        nameop("__name__", ExprContext.Load);
        nameop("__module__", ExprContext.Store);
        body(c.body());
        op(o.LOAD_LOCALS);
        op(o.RETURN_VALUE);
        PyObject.Code co = assemble(true);
        exitScope();
        makeClosure(co, 0);
        opI(o.CALL_FUNCTION, 0);
        op(o.BUILD_CLASS);
        for (int i = 0; i < c.decoratorList().size(); i++) {
            opI(o.CALL_FUNCTION, 1);
        }
        nameop(c.name(), ExprContext.Store);
    }

    private void makeClosure(PyObject.Code co, int args) {
        List<PyObject> free = ((PyObject.Tuple) co.freeVars()).items();
        if (free.isEmpty()) {
            loadConst(co);
            opI(o.MAKE_FUNCTION, args);
            return;
        }
        for (PyObject f : free) {
            String name = new String(((Bytes) f).value(), StandardCharsets.ISO_8859_1);
            int scope = u.ste.scope(name);
            Integer arg = scope == SymbolTable2.CELL ? u.cellvars.get(name) : u.freevars.get(name);
            if (arg == null) {
                throw new IllegalStateException("this is a bug: no closure cell for " + name);
            }
            opI(o.LOAD_CLOSURE, arg);
        }
        opI(o.BUILD_TUPLE, free.size());
        loadConst(co);
        opI(o.MAKE_CLOSURE, args);
    }

    private void print(Ast.Print p) throws PythonError, UnsupportedFeatureException {
        boolean dest = p.dest() != null;
        if (dest) {
            expr(p.dest());
        }
        for (Expr e : p.values()) {
            if (dest) {
                op(o.DUP_TOP);
                expr(e);
                op(o.ROT_TWO);
                op(o.PRINT_ITEM_TO);
            } else {
                expr(e);
                op(o.PRINT_ITEM);
            }
        }
        if (p.nl()) {
            op(dest ? o.PRINT_NEWLINE_TO : o.PRINT_NEWLINE);
        } else if (dest) {
            op(o.POP_TOP);
        }
    }

    /** expr_constant: 1 true, 0 false, -1 not a constant. */
    private int exprConstant(Expr e) {
        if (e instanceof Ast.Constant c) {
            return Py2Values.isTrue(c.value()) ? 1 : 0;
        }
        if (e instanceof Ast.Name n && n.id().equals("__debug__")) {
            return optimize == 0 ? 1 : 0;
        }
        return -1;
    }

    private void ifStmt(Ast.If s) throws PythonError, UnsupportedFeatureException {
        Block2 end = newBlock();
        int constant = exprConstant(s.test());
        boolean hasElse = s.orelse() != null && !s.orelse().isEmpty();
        if (constant == 0) {
            if (hasElse) {
                stmts(s.orelse());
            }
        } else if (constant == 1) {
            stmts(s.body());
        } else {
            if (o.py26) {
                // 2.6: the test stays on the stack; both paths pop it
                Block2 next = newBlock();
                expr(s.test());
                jrel(o.JUMP_IF_FALSE, next);
                op(o.POP_TOP);
                stmts(s.body());
                jrel(o.JUMP_FORWARD, end);
                useNextBlock(next);
                op(o.POP_TOP);
                if (hasElse) {
                    stmts(s.orelse());
                }
                useNextBlock(end);
                return;
            }
            Block2 next = hasElse ? newBlock() : end;
            expr(s.test());
            jabs(o.POP_JUMP_IF_FALSE, next);
            stmts(s.body());
            jrel(o.JUMP_FORWARD, end);
            if (hasElse) {
                useNextBlock(next);
                stmts(s.orelse());
            }
        }
        useNextBlock(end);
    }

    private void forLoop(Ast.For s) throws PythonError, UnsupportedFeatureException {
        Block2 start = newBlock();
        Block2 cleanup = newBlock();
        Block2 end = newBlock();
        jrel(o.SETUP_LOOP, end);
        pushFBlock(FBlock.LOOP, start);
        expr(s.iter());
        op(o.GET_ITER);
        useNextBlock(start);
        if (o.py26) {
            u.linenoSet = false; // 2.6 marks FOR_ITER with the line again, for tracing each iteration
        }
        jrel(o.FOR_ITER, cleanup);
        expr(s.target());
        stmts(s.body());
        jabs(o.JUMP_ABSOLUTE, start);
        useNextBlock(cleanup);
        op(o.POP_BLOCK);
        popFBlock();
        stmts(s.orelse());
        useNextBlock(end);
    }

    private void whileLoop(Ast.While s) throws PythonError, UnsupportedFeatureException {
        int constant = exprConstant(s.test());
        boolean hasElse = s.orelse() != null && !s.orelse().isEmpty();
        if (constant == 0) {
            if (hasElse) {
                stmts(s.orelse());
            }
            return;
        }
        Block2 loop = newBlock();
        Block2 end = newBlock();
        Block2 anchor = null;
        if (constant == -1) {
            anchor = newBlock();
        }
        if (hasElse) {
            newBlock(); // 2.7 allocates an orelse block it never uses
        }
        jrel(o.SETUP_LOOP, end);
        useNextBlock(loop);
        if (o.py26) {
            u.linenoSet = false; // as for 'for': 2.6 marks the loop's start with the line again
        }
        pushFBlock(FBlock.LOOP, loop);
        if (constant == -1) {
            expr(s.test());
            if (o.py26) {
                jrel(o.JUMP_IF_FALSE, anchor);
                op(o.POP_TOP);
            } else {
                jabs(o.POP_JUMP_IF_FALSE, anchor);
            }
        }
        stmts(s.body());
        jabs(o.JUMP_ABSOLUTE, loop);
        if (o.py26) {
            // 2.6 pops the test and the loop block only where the test can fail
            if (constant == -1) {
                useNextBlock(anchor);
                op(o.POP_TOP);
                op(o.POP_BLOCK);
            }
        } else {
            if (constant == -1) {
                useNextBlock(anchor);
            }
            op(o.POP_BLOCK);
        }
        popFBlock();
        if (hasElse) {
            stmts(s.orelse());
        }
        useNextBlock(end);
    }

    private void tryFinally(Ast.TryFinally s) throws PythonError, UnsupportedFeatureException {
        Block2 body = newBlock();
        Block2 end = newBlock();
        jrel(o.SETUP_FINALLY, end);
        useNextBlock(body);
        pushFBlock(FBlock.FINALLY_TRY, body);
        stmts(s.body());
        op(o.POP_BLOCK);
        popFBlock();
        loadConst(Singleton.NONE);
        useNextBlock(end);
        pushFBlock(FBlock.FINALLY_END, end);
        stmts(s.finalbody());
        op(o.END_FINALLY);
        popFBlock();
    }

    private void tryExcept(Ast.TryExcept s) throws PythonError, UnsupportedFeatureException {
        Block2 body = newBlock();
        Block2 except = newBlock();
        Block2 orelse = newBlock();
        Block2 end = newBlock();
        jrel(o.SETUP_EXCEPT, except);
        useNextBlock(body);
        pushFBlock(FBlock.EXCEPT, body);
        stmts(s.body());
        op(o.POP_BLOCK);
        popFBlock();
        jrel(o.JUMP_FORWARD, orelse);
        int n = s.handlers().size();
        useNextBlock(except);
        for (int i = 0; i < n; i++) {
            Ast.Py2ExceptHandler h = s.handlers().get(i);
            if (h.type() == null && i < n - 1) {
                throw error("default 'except:' must be last");
            }
            u.linenoSet = false;
            u.lineno = h.lineno();
            except = newBlock();
            if (h.type() != null) {
                op(o.DUP_TOP);
                expr(h.type());
                opI(o.COMPARE_OP, 10);
                if (o.py26) {
                    jrel(o.JUMP_IF_FALSE, except);
                    op(o.POP_TOP);
                } else {
                    jabs(o.POP_JUMP_IF_FALSE, except);
                }
            }
            op(o.POP_TOP);
            if (h.name() != null) {
                expr(h.name());
            } else {
                op(o.POP_TOP);
            }
            op(o.POP_TOP);
            stmts(h.body());
            jrel(o.JUMP_FORWARD, end);
            useNextBlock(except);
            if (o.py26 && h.type() != null) {
                op(o.POP_TOP);
            }
        }
        op(o.END_FINALLY);
        useNextBlock(orelse);
        stmts(s.orelse());
        useNextBlock(end);
    }

    private void with(Ast.With s, int item) throws PythonError, UnsupportedFeatureException {
        Block2 block = newBlock();
        Block2 fin = newBlock();
        Ast.WithItem wi = s.items().get(item);
        if (o.py26) {
            with26(s, wi, block, fin);
            return;
        }
        expr(wi.contextExpr());
        jrel(o.SETUP_WITH, fin);
        useNextBlock(block);
        pushFBlock(FBlock.FINALLY_TRY, block);
        if (wi.optionalVars() != null) {
            expr(wi.optionalVars());
        } else {
            op(o.POP_TOP);
        }
        if (item + 1 < s.items().size()) {
            with(s, item + 1);
        } else {
            stmts(s.body());
        }
        op(o.POP_BLOCK);
        popFBlock();
        loadConst(Singleton.NONE);
        useNextBlock(fin);
        pushFBlock(FBlock.FINALLY_END, fin);
        op(o.WITH_CLEANUP);
        op(o.END_FINALLY);
        popFBlock();
    }

    /**
     * 2.6's 'with': the context's {@code __exit__} kept on the stack under the context, {@code __enter__}
     * called before SETUP_FINALLY, its result (when bound with 'as') parked in a hidden local {@code _[N]}
     * and moved to the target inside the protected block; the handler calls WITH_CLEANUP.
     */
    private void with26(Ast.With s, Ast.WithItem wi, Block2 block, Block2 fin)
            throws PythonError, UnsupportedFeatureException {
        String tmpvalue = wi.optionalVars() != null ? newTmpname() : null;
        expr(wi.contextExpr());
        op(o.DUP_TOP);
        opName(o.LOAD_ATTR, "__exit__");
        op(o.ROT_TWO);
        opName(o.LOAD_ATTR, "__enter__");
        opI(o.CALL_FUNCTION, 0);
        if (tmpvalue != null) {
            nameop(tmpvalue, ExprContext.Store);
        } else {
            op(o.POP_TOP);
        }
        jrel(o.SETUP_FINALLY, fin);
        useNextBlock(block);
        pushFBlock(FBlock.FINALLY_TRY, block);
        if (tmpvalue != null) {
            nameop(tmpvalue, ExprContext.Load);
            nameop(tmpvalue, ExprContext.Del);
            expr(wi.optionalVars());
        }
        stmts(s.body());
        op(o.POP_BLOCK);
        popFBlock();
        loadConst(Singleton.NONE);
        useNextBlock(fin);
        pushFBlock(FBlock.FINALLY_END, fin);
        op(o.WITH_CLEANUP);
        op(o.END_FINALLY);
        popFBlock();
    }

    /** 2.6: a new hidden local name {@code _[N]} of the current unit. */
    private String newTmpname() {
        u.tmpname++;
        return "_[" + u.tmpname + "]";
    }

    private void assertStmt(Ast.Assert s) throws PythonError, UnsupportedFeatureException {
        if (optimize > 0) {
            return;
        }
        if (s.test() instanceof Ast.TupleExpr t && !t.elts().isEmpty()) {
            warnings.accept(new CompilerWarning("SyntaxWarning",
                    "assertion is always true, perhaps remove parentheses?", filename, u.lineno));
        }
        expr(s.test());
        Block2 end = newBlock();
        if (o.py26) {
            // 2.6 raises the class with the message as argument and pops the test on both paths
            jrel(o.JUMP_IF_TRUE, end);
            op(o.POP_TOP);
            opI(o.LOAD_GLOBAL, addName(u.names, "AssertionError"));
            if (s.msg() != null) {
                expr(s.msg());
                opI(o.RAISE_VARARGS, 2);
            } else {
                opI(o.RAISE_VARARGS, 1);
            }
            useNextBlock(end);
            op(o.POP_TOP);
            return;
        }
        jabs(o.POP_JUMP_IF_TRUE, end);
        opI(o.LOAD_GLOBAL, addName(u.names, "AssertionError"));
        if (s.msg() != null) {
            expr(s.msg());
            opI(o.CALL_FUNCTION, 1);
        }
        opI(o.RAISE_VARARGS, 1);
        useNextBlock(end);
    }

    private void importStmt(Ast.Import s) throws PythonError, UnsupportedFeatureException {
        for (Ast.Alias alias : s.names()) {
            loadConst(Int.of((futureFlags & CO_FUTURE_ABSOLUTE_IMPORT) != 0 ? 0 : -1));
            loadConst(Singleton.NONE);
            opName(o.IMPORT_NAME, alias.name());
            String name = alias.name();
            if (alias.asname() != null) {
                int dot = name.indexOf('.');
                if (dot >= 0) {
                    String rest = name.substring(dot + 1);
                    while (true) {
                        int d = rest.indexOf('.');
                        String attr = d >= 0 ? rest.substring(0, d) : rest;
                        opI(o.LOAD_ATTR, addName(u.names, attr));
                        if (d < 0) {
                            break;
                        }
                        rest = rest.substring(d + 1);
                    }
                }
                nameop(alias.asname(), ExprContext.Store);
            } else {
                int dot = name.indexOf('.');
                nameop(dot >= 0 ? name.substring(0, dot) : name, ExprContext.Store);
            }
        }
    }

    private void importFrom(Ast.ImportFrom s) throws PythonError, UnsupportedFeatureException {
        int level = s.level();
        if (level == 0 && (futureFlags & CO_FUTURE_ABSOLUTE_IMPORT) == 0) {
            level = -1;
        }
        loadConst(Int.of(level));
        List<PyObject> names = new ArrayList<>();
        for (Ast.Alias a : s.names()) {
            names.add(new Bytes(a.name().getBytes(StandardCharsets.ISO_8859_1), true));
        }
        if (s.lineno() > ffLineno && "__future__".equals(s.module())) {
            throw error("from __future__ imports must occur at the beginning of the file");
        }
        loadConst(new PyObject.Tuple(names));
        opName(o.IMPORT_NAME, s.module() != null ? s.module() : "");
        for (int i = 0; i < s.names().size(); i++) {
            Ast.Alias a = s.names().get(i);
            if (i == 0 && a.name().startsWith("*")) {
                op(o.IMPORT_STAR);
                return;
            }
            opName(o.IMPORT_FROM, a.name());
            nameop(a.asname() != null ? a.asname() : a.name(), ExprContext.Store);
        }
        op(o.POP_TOP);
    }

    private void augassign(Ast.AugAssign s) throws PythonError, UnsupportedFeatureException {
        Expr e = s.target();
        if (e instanceof Ast.Attribute a) {
            visitAttribute(a, ExprContext.AugLoad);
            expr(s.value());
            op(inplace(s.op()));
            visitAttribute(a, ExprContext.AugStore);
        } else if (e instanceof Ast.Subscript sub) {
            visitSubscript(sub, ExprContext.AugLoad);
            expr(s.value());
            op(inplace(s.op()));
            visitSubscript(sub, ExprContext.AugStore);
        } else if (e instanceof Ast.Name n) {
            nameop(n.id(), ExprContext.Load);
            expr(s.value());
            op(inplace(s.op()));
            nameop(n.id(), ExprContext.Store);
        } else {
            throw new UnsupportedFeatureException(target, "this augmented assignment target", s.lineno());
        }
    }

    private int inplace(Ast.Operator op) {
        return switch (op) {
            case Add -> o.INPLACE_ADD;
            case Sub -> o.INPLACE_SUBTRACT;
            case Mult -> o.INPLACE_MULTIPLY;
            case Div -> (futureFlags & CO_FUTURE_DIVISION) != 0 ? o.INPLACE_TRUE_DIVIDE : o.INPLACE_DIVIDE;
            case Mod -> o.INPLACE_MODULO;
            case Pow -> o.INPLACE_POWER;
            case LShift -> o.INPLACE_LSHIFT;
            case RShift -> o.INPLACE_RSHIFT;
            case BitOr -> o.INPLACE_OR;
            case BitXor -> o.INPLACE_XOR;
            case BitAnd -> o.INPLACE_AND;
            case FloorDiv -> o.INPLACE_FLOOR_DIVIDE;
            case MatMult -> throw new IllegalStateException("this is a bug: @ in a 2.x tree");
        };
    }

    private int binop(Ast.Operator op) {
        return switch (op) {
            case Add -> o.BINARY_ADD;
            case Sub -> o.BINARY_SUBTRACT;
            case Mult -> o.BINARY_MULTIPLY;
            case Div -> (futureFlags & CO_FUTURE_DIVISION) != 0 ? o.BINARY_TRUE_DIVIDE : o.BINARY_DIVIDE;
            case Mod -> o.BINARY_MODULO;
            case Pow -> o.BINARY_POWER;
            case LShift -> o.BINARY_LSHIFT;
            case RShift -> o.BINARY_RSHIFT;
            case BitOr -> o.BINARY_OR;
            case BitXor -> o.BINARY_XOR;
            case BitAnd -> o.BINARY_AND;
            case FloorDiv -> o.BINARY_FLOOR_DIVIDE;
            case MatMult -> throw new IllegalStateException("this is a bug: @ in a 2.x tree");
        };
    }

    private static int cmpop(Ast.CmpOperator op) {
        return switch (op) {
            case Lt -> 0;
            case LtE -> 1;
            case Eq -> 2;
            case NotEq -> 3;
            case Gt -> 4;
            case GtE -> 5;
            case In -> 6;
            case NotIn -> 7;
            case Is -> 8;
            case IsNot -> 9;
        };
    }

    // ------------------------------------------------------------------ names

    private void nameop(String name, ExprContext ctx) throws PythonError {
        String mangled = SymbolTable2.mangle(u.privateName, name);
        int scope = u.ste.scope(mangled);
        Map<String, Integer> dict = u.names;
        int kind = 3; // 0 fast, 1 global, 2 deref, 3 name
        switch (scope) {
            case SymbolTable2.FREE -> {
                dict = u.freevars;
                kind = 2;
            }
            case SymbolTable2.CELL -> {
                dict = u.cellvars;
                kind = 2;
            }
            case SymbolTable2.LOCAL -> {
                if (u.ste.type == BlockType.FUNCTION) {
                    kind = 0;
                }
            }
            case SymbolTable2.GLOBAL_IMPLICIT -> {
                if (u.ste.type == BlockType.FUNCTION && u.ste.unoptimized == 0) {
                    kind = 1;
                }
            }
            case SymbolTable2.GLOBAL_EXPLICIT -> kind = 1;
            default -> { }
        }
        int op;
        switch (kind) {
            case 2 -> {
                if (ctx == ExprContext.Del) {
                    // 2.7 raises this one without a location (lineno and offset None)
                    throw new PythonError("SyntaxError",
                            "can not delete variable '" + name + "' referenced in nested scope", filename, -1, -1,
                            null, -1, -1);
                }
                op = ctx == ExprContext.Load ? o.LOAD_DEREF : o.STORE_DEREF;
            }
            case 0 -> {
                op = ctx == ExprContext.Load ? o.LOAD_FAST : ctx == ExprContext.Store ? o.STORE_FAST : o.DELETE_FAST;
                opI(op, addName(u.varnames, mangled));
                return;
            }
            case 1 -> op = ctx == ExprContext.Load ? o.LOAD_GLOBAL
                    : ctx == ExprContext.Store ? o.STORE_GLOBAL : o.DELETE_GLOBAL;
            default -> op = ctx == ExprContext.Load ? o.LOAD_NAME
                    : ctx == ExprContext.Store ? o.STORE_NAME : o.DELETE_NAME;
        }
        opI(op, addName(dict, mangled));
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expr e) throws PythonError, UnsupportedFeatureException {
        depth++;
        guard();
        try {
            if (e.lineno() > u.lineno) {
                u.lineno = e.lineno();
                u.linenoSet = false;
            }
            expr0(e);
        } finally {
            depth--;
        }
    }

    private void expr0(Expr e) throws PythonError, UnsupportedFeatureException {
        if (e instanceof Ast.BoolOp b) {
            if (o.py26) {
                int jump = b.op() == Ast.BoolOperator.And ? o.JUMP_IF_FALSE : o.JUMP_IF_TRUE;
                Block2 end = newBlock();
                int n = b.values().size() - 1;
                for (int i = 0; i < n; i++) {
                    expr(b.values().get(i));
                    jrel(jump, end);
                    op(o.POP_TOP);
                }
                expr(b.values().get(n));
                useNextBlock(end);
                return;
            }
            int jump = b.op() == Ast.BoolOperator.And ? o.JUMP_IF_FALSE_OR_POP : o.JUMP_IF_TRUE_OR_POP;
            Block2 end = newBlock();
            int n = b.values().size() - 1;
            for (int i = 0; i < n; i++) {
                expr(b.values().get(i));
                jabs(jump, end);
            }
            expr(b.values().get(n));
            useNextBlock(end);
        } else if (e instanceof Ast.BinOp b) {
            expr(b.left());
            expr(b.right());
            op(binop(b.op()));
        } else if (e instanceof Ast.UnaryOp un) {
            expr(un.operand());
            op(switch (un.op()) {
                case Invert -> o.UNARY_INVERT;
                case Not -> o.UNARY_NOT;
                case UAdd -> o.UNARY_POSITIVE;
                case USub -> o.UNARY_NEGATIVE;
            });
        } else if (e instanceof Ast.Py2Lambda l) {
            lambda(l);
        } else if (e instanceof Ast.IfExp i) {
            Block2 end = newBlock();
            Block2 next = newBlock();
            expr(i.test());
            if (o.py26) {
                jrel(o.JUMP_IF_FALSE, next);
                op(o.POP_TOP);
            } else {
                jabs(o.POP_JUMP_IF_FALSE, next);
            }
            expr(i.body());
            jrel(o.JUMP_FORWARD, end);
            useNextBlock(next);
            if (o.py26) {
                op(o.POP_TOP);
            }
            expr(i.orelse());
            useNextBlock(end);
        } else if (e instanceof Ast.DictExpr d) {
            int n = d.values().size();
            opI(o.BUILD_MAP, Math.min(n, 0xFFFF));
            for (int i = 0; i < n; i++) {
                expr(d.values().get(i));
                expr(d.keys().get(i));
                op(o.STORE_MAP);
            }
        } else if (e instanceof Ast.SetExpr s) {
            for (Expr x : s.elts()) {
                expr(x);
            }
            opI(o.BUILD_SET, s.elts().size());
        } else if (e instanceof Ast.ListComp l) {
            opI(o.BUILD_LIST, 0);
            if (o.py26) {
                String tmp = newTmpname();
                op(o.DUP_TOP);
                nameop(tmp, ExprContext.Store);
                listcompGenerator26(tmp, l.generators(), 0, l.elt());
            } else {
                listcompGenerator(l.generators(), 0, l.elt());
            }
        } else if (e instanceof Ast.SetComp s) {
            comprehension(e, 1, "<setcomp>", s.generators(), s.elt(), null);
        } else if (e instanceof Ast.DictComp d) {
            comprehension(e, 2, "<dictcomp>", d.generators(), d.key(), d.value());
        } else if (e instanceof Ast.GeneratorExp g) {
            comprehension(e, 0, "<genexpr>", g.generators(), g.elt(), null);
        } else if (e instanceof Ast.Yield y) {
            if (u.ste.type != BlockType.FUNCTION) {
                throw error("'yield' outside function");
            }
            if (y.value() != null) {
                expr(y.value());
            } else {
                loadConst(Singleton.NONE);
            }
            op(o.YIELD_VALUE);
        } else if (e instanceof Ast.Compare c) {
            compare(c);
        } else if (e instanceof Ast.Py2Call c) {
            call(c);
        } else if (e instanceof Ast.Repr r) {
            expr(r.value());
            op(o.UNARY_CONVERT);
        } else if (e instanceof Ast.Constant c) {
            loadConst(c.value());
        } else if (e instanceof Ast.Attribute a) {
            visitAttribute(a, a.ctx());
        } else if (e instanceof Ast.Subscript s) {
            visitSubscript(s, s.ctx());
        } else if (e instanceof Ast.Name n) {
            nameop(n.id(), n.ctx());
        } else if (e instanceof Ast.ListExpr l) {
            sequence(l.elts(), l.ctx(), o.BUILD_LIST);
        } else if (e instanceof Ast.TupleExpr t) {
            sequence(t.elts(), t.ctx(), o.BUILD_TUPLE);
        } else {
            throw new UnsupportedFeatureException(target, "the expression " + e.pyName(), e.lineno());
        }
    }

    private void sequence(List<Expr> elts, ExprContext ctx, int build) throws PythonError, UnsupportedFeatureException {
        if (ctx == ExprContext.Store) {
            opI(o.UNPACK_SEQUENCE, elts.size());
        }
        for (Expr x : elts) {
            expr(x);
        }
        if (ctx == ExprContext.Load) {
            opI(build, elts.size());
        }
    }

    private void lambda(Ast.Py2Lambda l) throws PythonError, UnsupportedFeatureException {
        for (Expr d : l.args().defaults()) {
            expr(d);
        }
        enterScope("<lambda>", true, l, l.lineno());
        arguments(l.args());
        if (!o.py26) {
            addConst(Singleton.NONE); // 2.7 makes None a lambda's first constant; 2.6 does not
        }
        u.argcount = l.args().args().size();
        expr(l.body());
        if (u.ste.generator && !o.py26) { // 2.6 returns the body's value even in a generator
            op(o.POP_TOP);
        } else {
            op(o.RETURN_VALUE);
        }
        PyObject.Code co = assemble(true);
        exitScope();
        makeClosure(co, l.args().defaults().size());
    }

    private void compare(Ast.Compare c) throws PythonError, UnsupportedFeatureException {
        expr(c.left());
        int n = c.ops().size();
        Block2 cleanup = null;
        if (n > 1) {
            cleanup = newBlock();
            expr(c.comparators().get(0));
        }
        for (int i = 1; i < n; i++) {
            op(o.DUP_TOP);
            op(o.ROT_THREE);
            opI(o.COMPARE_OP, cmpop(c.ops().get(i - 1)));
            if (o.py26) {
                jrel(o.JUMP_IF_FALSE, cleanup);
                nextBlock();
                op(o.POP_TOP);
            } else {
                jabs(o.JUMP_IF_FALSE_OR_POP, cleanup);
                nextBlock();
            }
            if (i < n - 1) {
                expr(c.comparators().get(i));
            }
        }
        expr(c.comparators().get(n - 1));
        opI(o.COMPARE_OP, cmpop(c.ops().get(n - 1)));
        if (n > 1) {
            Block2 end = newBlock();
            jrel(o.JUMP_FORWARD, end);
            useNextBlock(cleanup);
            op(o.ROT_TWO);
            op(o.POP_TOP);
            useNextBlock(end);
        }
    }

    private void call(Ast.Py2Call c) throws PythonError, UnsupportedFeatureException {
        expr(c.func());
        int n = c.args().size();
        for (Expr a : c.args()) {
            expr(a);
        }
        if (!c.keywords().isEmpty()) {
            for (Ast.Keyword k : c.keywords()) {
                loadConst(new Bytes(k.arg().getBytes(StandardCharsets.ISO_8859_1), true));
                expr(k.value());
            }
            n |= c.keywords().size() << 8;
        }
        int code = 0;
        if (c.starargs() != null) {
            expr(c.starargs());
            code |= 1;
        }
        if (c.kwargs() != null) {
            expr(c.kwargs());
            code |= 2;
        }
        opI(switch (code) {
            case 0 -> o.CALL_FUNCTION;
            case 1 -> o.CALL_FUNCTION_VAR;
            case 2 -> o.CALL_FUNCTION_KW;
            default -> o.CALL_FUNCTION_VAR_KW;
        }, n);
    }

    private void listcompGenerator(List<Ast.Comprehension> gens, int index, Expr elt)
            throws PythonError, UnsupportedFeatureException {
        Block2 start = newBlock();
        Block2 skip = newBlock();
        Block2 ifCleanup = newBlock();
        Block2 anchor = newBlock();
        Ast.Comprehension l = gens.get(index);
        expr(l.iter());
        op(o.GET_ITER);
        useNextBlock(start);
        jrel(o.FOR_ITER, anchor);
        nextBlock();
        expr(l.target());
        for (Expr cond : l.ifs()) {
            expr(cond);
            jabs(o.POP_JUMP_IF_FALSE, ifCleanup);
            nextBlock();
        }
        if (++index < gens.size()) {
            listcompGenerator(gens, index, elt);
        }
        if (index >= gens.size()) {
            expr(elt);
            opI(o.LIST_APPEND, index + 1);
            useNextBlock(skip);
        }
        useNextBlock(ifCleanup);
        jabs(o.JUMP_ABSOLUTE, start);
        useNextBlock(anchor);
    }

    /**
     * 2.6's list comprehension loop: the list lives in the hidden local {@code tmp}, loaded before each
     * element for LIST_APPEND (no argument) and deleted after the outermost loop; 'if' tests are left
     * on the stack and popped on both paths, as in {@link #genexpGenerator26}.
     */
    private void listcompGenerator26(String tmp, List<Ast.Comprehension> gens, int index, Expr elt)
            throws PythonError, UnsupportedFeatureException {
        Block2 start = newBlock();
        Block2 skip = newBlock();
        Block2 ifCleanup = newBlock();
        Block2 anchor = newBlock();
        Ast.Comprehension l = gens.get(index);
        expr(l.iter());
        op(o.GET_ITER);
        useNextBlock(start);
        jrel(o.FOR_ITER, anchor);
        nextBlock();
        expr(l.target());
        int n = l.ifs().size();
        for (Expr cond : l.ifs()) {
            expr(cond);
            jrel(o.JUMP_IF_FALSE, ifCleanup);
            nextBlock();
            op(o.POP_TOP);
        }
        if (++index < gens.size()) {
            listcompGenerator26(tmp, gens, index, elt);
        }
        if (index >= gens.size()) {
            nameop(tmp, ExprContext.Load);
            expr(elt);
            op(o.LIST_APPEND);
            useNextBlock(skip);
        }
        for (int i = 0; i < n; i++) {
            opI(o.JUMP_FORWARD, 1);
            if (i == 0) {
                useNextBlock(ifCleanup);
            }
            op(o.POP_TOP);
        }
        jabs(o.JUMP_ABSOLUTE, start);
        useNextBlock(anchor);
        if (index == 1) {
            nameop(tmp, ExprContext.Del);
        }
    }

    private void comprehensionGenerator(List<Ast.Comprehension> gens, int index, Expr elt, Expr val, int type)
            throws PythonError, UnsupportedFeatureException {
        if (o.py26) {
            genexpGenerator26(gens, index, elt);
            return;
        }
        Block2 start = newBlock();
        Block2 skip = newBlock();
        Block2 ifCleanup = newBlock();
        Block2 anchor = newBlock();
        Ast.Comprehension gen = gens.get(index);
        if (index == 0) {
            u.argcount = 1;
            opI(o.LOAD_FAST, 0);
        } else {
            expr(gen.iter());
            op(o.GET_ITER);
        }
        useNextBlock(start);
        jrel(o.FOR_ITER, anchor);
        nextBlock();
        expr(gen.target());
        for (Expr cond : gen.ifs()) {
            expr(cond);
            jabs(o.POP_JUMP_IF_FALSE, ifCleanup);
            nextBlock();
        }
        if (++index < gens.size()) {
            comprehensionGenerator(gens, index, elt, val, type);
        }
        if (index >= gens.size()) {
            switch (type) {
                case 0 -> {
                    expr(elt);
                    op(o.YIELD_VALUE);
                    op(o.POP_TOP);
                }
                case 1 -> {
                    expr(elt);
                    opI(o.SET_ADD, index + 1);
                }
                default -> {
                    expr(val);
                    expr(elt);
                    opI(o.MAP_ADD, index + 1);
                }
            }
            useNextBlock(skip);
        }
        useNextBlock(ifCleanup);
        jabs(o.JUMP_ABSOLUTE, start);
        useNextBlock(anchor);
    }

    /**
     * 2.6's generator expression loop: each level inside SETUP_LOOP/POP_BLOCK, each 'if' test left on
     * the stack and popped on both paths (the true path skipping the false path's POP_TOP with a
     * JUMP_FORWARD 1 per test).
     */
    private void genexpGenerator26(List<Ast.Comprehension> gens, int index, Expr elt)
            throws PythonError, UnsupportedFeatureException {
        Block2 start = newBlock();
        Block2 skip = newBlock();
        Block2 ifCleanup = newBlock();
        Block2 anchor = newBlock();
        Block2 end = newBlock();
        Ast.Comprehension gen = gens.get(index);
        jrel(o.SETUP_LOOP, end);
        pushFBlock(FBlock.LOOP, start);
        if (index == 0) {
            u.argcount = 1;
            opI(o.LOAD_FAST, 0);
        } else {
            expr(gen.iter());
            op(o.GET_ITER);
        }
        useNextBlock(start);
        jrel(o.FOR_ITER, anchor);
        nextBlock();
        expr(gen.target());
        int n = gen.ifs().size();
        for (Expr cond : gen.ifs()) {
            expr(cond);
            jrel(o.JUMP_IF_FALSE, ifCleanup);
            nextBlock();
            op(o.POP_TOP);
        }
        if (++index < gens.size()) {
            genexpGenerator26(gens, index, elt);
        }
        if (index >= gens.size()) {
            expr(elt);
            op(o.YIELD_VALUE);
            op(o.POP_TOP);
            useNextBlock(skip);
        }
        for (int i = 0; i < n; i++) {
            opI(o.JUMP_FORWARD, 1);
            if (i == 0) {
                useNextBlock(ifCleanup);
            }
            op(o.POP_TOP);
        }
        jabs(o.JUMP_ABSOLUTE, start);
        useNextBlock(anchor);
        op(o.POP_BLOCK);
        popFBlock();
        useNextBlock(end);
    }

    private void comprehension(Expr e, int type, String name, List<Ast.Comprehension> gens, Expr elt, Expr val)
            throws PythonError, UnsupportedFeatureException {
        Expr outermost = gens.get(0).iter();
        // the names of 2.7's comprehension code objects are not interned
        enterScope(name, false, e, e.lineno());
        if (type != 0) {
            opI(type == 1 ? o.BUILD_SET : o.BUILD_MAP, 0);
        }
        comprehensionGenerator(gens, 0, elt, val, type);
        if (type != 0) {
            op(o.RETURN_VALUE);
        }
        PyObject.Code co = assemble(true);
        exitScope();
        makeClosure(co, 0);
        expr(outermost);
        op(o.GET_ITER);
        opI(o.CALL_FUNCTION, 1);
    }

    // ------------------------------------------------------------------ attributes, subscripts, slices

    private void visitAttribute(Ast.Attribute a, ExprContext ctx) throws PythonError, UnsupportedFeatureException {
        if (ctx == ExprContext.AugLoad || ctx == ExprContext.AugStore) {
            // the augmented-assignment copy of the node is visited as an expression too
            if (a.lineno() > u.lineno) {
                u.lineno = a.lineno();
                u.linenoSet = false;
            }
        }
        if (ctx != ExprContext.AugStore) {
            expr(a.value());
        }
        switch (ctx) {
            case AugLoad -> {
                op(o.DUP_TOP);
                opName(o.LOAD_ATTR, a.attr());
            }
            case Load -> opName(o.LOAD_ATTR, a.attr());
            case AugStore -> {
                op(o.ROT_TWO);
                opName(o.STORE_ATTR, a.attr());
            }
            case Store -> opName(o.STORE_ATTR, a.attr());
            case Del -> opName(o.DELETE_ATTR, a.attr());
            default -> throw new IllegalStateException("this is a bug: attribute context " + ctx);
        }
    }

    private void visitSubscript(Ast.Subscript s, ExprContext ctx) throws PythonError, UnsupportedFeatureException {
        if (ctx == ExprContext.AugLoad || ctx == ExprContext.AugStore) {
            if (s.lineno() > u.lineno) {
                u.lineno = s.lineno();
                u.linenoSet = false;
            }
        }
        if (ctx != ExprContext.AugStore) {
            expr(s.value());
        }
        visitSlice(s.slice(), ctx);
    }

    private static boolean isEllipsisSlice(Expr e) {
        return e instanceof Ast.Constant c && c.value() == Singleton.ELLIPSIS;
    }

    private void visitSlice(Expr slice, ExprContext ctx) throws PythonError, UnsupportedFeatureException {
        if (slice instanceof Ast.Slice sl) {
            if (sl.step() == null) {
                simpleSlice(sl, ctx);
                return;
            }
            if (ctx != ExprContext.AugStore) {
                buildSlice(sl);
            }
        } else if (slice instanceof Ast.TupleExpr t && t.lineno() < 0) {
            // an extended slice (ExtSlice in 2.7's tree)
            if (ctx != ExprContext.AugStore) {
                for (Expr dim : t.elts()) {
                    if (dim instanceof Ast.Slice ds) {
                        buildSlice(ds);
                    } else if (isEllipsisSlice(dim) && dim.lineno() < 0) {
                        loadConst(Singleton.ELLIPSIS);
                    } else {
                        expr(dim);
                    }
                }
                opI(o.BUILD_TUPLE, t.elts().size());
            }
        } else if (isEllipsisSlice(slice) && slice.lineno() < 0) {
            if (ctx != ExprContext.AugStore) {
                loadConst(Singleton.ELLIPSIS);
            }
        } else if (ctx != ExprContext.AugStore) {
            expr(slice);
        }
        int op = switch (ctx) {
            case AugLoad, Load -> o.BINARY_SUBSCR;
            case AugStore, Store -> o.STORE_SUBSCR;
            case Del -> o.DELETE_SUBSCR;
            default -> throw new IllegalStateException("this is a bug: subscript context " + ctx);
        };
        if (ctx == ExprContext.AugLoad) {
            opI(o.DUP_TOPX, 2);
        } else if (ctx == ExprContext.AugStore) {
            op(o.ROT_THREE);
        }
        op(op);
    }

    private void buildSlice(Ast.Slice s) throws PythonError, UnsupportedFeatureException {
        int n = 2;
        if (s.lower() != null) {
            expr(s.lower());
        } else {
            loadConst(Singleton.NONE);
        }
        if (s.upper() != null) {
            expr(s.upper());
        } else {
            loadConst(Singleton.NONE);
        }
        if (s.step() != null) {
            n++;
            expr(s.step());
        }
        opI(o.BUILD_SLICE, n);
    }

    private void simpleSlice(Ast.Slice s, ExprContext ctx) throws PythonError, UnsupportedFeatureException {
        int offset = 0;
        int count = 0;
        if (s.lower() != null) {
            offset++;
            count++;
            if (ctx != ExprContext.AugStore) {
                expr(s.lower());
            }
        }
        if (s.upper() != null) {
            offset += 2;
            count++;
            if (ctx != ExprContext.AugStore) {
                expr(s.upper());
            }
        }
        if (ctx == ExprContext.AugLoad) {
            switch (count) {
                case 0 -> op(o.DUP_TOP);
                case 1 -> opI(o.DUP_TOPX, 2);
                default -> opI(o.DUP_TOPX, 3);
            }
        } else if (ctx == ExprContext.AugStore) {
            switch (count) {
                case 0 -> op(o.ROT_TWO);
                case 1 -> op(o.ROT_THREE);
                default -> op(o.ROT_FOUR);
            }
        }
        int base = switch (ctx) {
            case AugLoad, Load -> o.SLICE;
            case AugStore, Store -> o.STORE_SLICE;
            case Del -> o.DELETE_SLICE;
            default -> throw new IllegalStateException("this is a bug: slice context " + ctx);
        };
        op(base + offset);
    }
}
