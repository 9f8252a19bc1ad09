package io.github.pycompile.symtable;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.target.PythonVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The symbol table of CPython 2.x ({@code Python/symtable.c} of 2.7): one {@link Block} per module,
 * class, function, lambda and generator expression / set or dict comprehension (list comprehensions
 * stay inline), names with their definition flags, then the analysis that gives each name its scope
 * (local, explicit or implicit global, free, cell) and the errors and warnings 2.7 reports there.
 * For 2.6 ({@code py26}) it adds 2.6's hidden {@code _[N]} names and its other quirks, and runs
 * 2.6's analysis, whose dict iteration order ({@link Py2Dict}) gives co_cellvars and co_freevars.
 */
public final class SymbolTable2 {
    public static final int DEF_GLOBAL = 1;
    public static final int DEF_LOCAL = 2;
    public static final int DEF_PARAM = 4;
    public static final int USE = 8;
    public static final int DEF_FREE = 16;
    public static final int DEF_FREE_CLASS = 32;
    public static final int DEF_IMPORT = 64;
    public static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

    public static final int LOCAL = 1;
    public static final int GLOBAL_EXPLICIT = 2;
    public static final int GLOBAL_IMPLICIT = 3;
    public static final int FREE = 4;
    public static final int CELL = 5;

    public static final int OPT_IMPORT_STAR = 1;
    public static final int OPT_EXEC = 2;
    public static final int OPT_BARE_EXEC = 4;
    public static final int OPT_TOPLEVEL = 8;

    public enum BlockType { MODULE, CLASS, FUNCTION }

    /** One scope: CPython's {@code PySTEntryObject}. */
    public static final class Block {
        public final String name;
        public final BlockType type;
        public final int lineno;
        /** Name to definition flags; after analysis also the scope ({@link #scope(String)}). */
        final Map<String, Integer> symbols = new LinkedHashMap<>();
        /** 2.6: the same symbols in a model of 2.6's dict, whose iteration order 2.6's analysis and code use. */
        final Py2Dict<Integer> symbols26 = new Py2Dict<>();
        boolean py26;
        final Map<String, Integer> scopes = new HashMap<>();
        /** The parameters, in CPython's order (then co_varnames grows as the code uses locals). */
        public final List<String> varnames = new ArrayList<>();
        final List<Block> children = new ArrayList<>();
        public int unoptimized;
        public boolean nested;
        boolean free;
        boolean childFree;
        public boolean generator;
        boolean returnsValue;
        public boolean varargs;
        public boolean varkeywords;
        int optLineno;
        int tmpname;

        Block(String name, BlockType type, int lineno) {
            this.name = name;
            this.type = type;
            this.lineno = lineno;
        }

        /** The scope of a (mangled) name, 0 when the name is unknown here. */
        public int scope(String name) {
            return scopes.getOrDefault(name, 0);
        }

        public int flags(String name) {
            return symbols.getOrDefault(name, 0);
        }

        /** Names whose scope is CELL (co_cellvars): sorted (2.7), in the symbol dict's order (2.6). */
        public List<String> cellvars() {
            return py26 ? dictOrderWith(CELL, 0) : sortedWith(CELL, 0);
        }

        /** Names free here, or free in a method of this class (co_freevars): sorted (2.7), in dict order (2.6). */
        public List<String> freevars() {
            return py26 ? dictOrderWith(FREE, DEF_FREE_CLASS) : sortedWith(FREE, DEF_FREE_CLASS);
        }

        private List<String> dictOrderWith(int scope, int flag) {
            List<String> out = new ArrayList<>();
            for (String n : symbols26.keys()) {
                if (scope(n) == scope || (symbols.get(n) & flag) != 0) {
                    out.add(n);
                }
            }
            return out;
        }

        private List<String> sortedWith(int scope, int flag) {
            List<String> out = new ArrayList<>();
            for (String n : symbols.keySet()) {
                if (scope(n) == scope || (symbols.get(n) & flag) != 0) {
                    out.add(n);
                }
            }
            // Python 2 str sorts by bytes; identifiers are ASCII
            out.sort(null);
            return out;
        }
    }

    private final Map<Object, Block> blocks = new IdentityHashMap<>();
    private final String filename;
    private final Consumer<CompilerWarning> warnings;
    private final PythonVersion target;
    /** 2.6's rules: hidden {@code _[N]} locals, dict-ordered cell and free variables. */
    private final boolean py26;
    private final List<Block> stack = new ArrayList<>();
    private Block cur;
    private Block top;
    /** The scope whose symbols record 'global' declarations: the module's (2.6: the last scope named 'top'). */
    private Block globalBlock;
    private String privateName;
    private int depth;

    private SymbolTable2(String filename, PythonVersion target, Consumer<CompilerWarning> warnings) {
        this.filename = filename;
        this.target = target;
        this.warnings = warnings;
        this.py26 = target == PythonVersion.V2_6;
    }

    /** The scope of a module, function, class, lambda or comprehension node. */
    public Block block(Object node) {
        Block b = blocks.get(node);
        if (b == null) {
            throw new IllegalStateException("this is a bug: no scope for " + node);
        }
        return b;
    }

    public Block top() {
        return top;
    }

    public static SymbolTable2 build(Ast.ModuleNode mod, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        SymbolTable2 st = new SymbolTable2(filename, target, warnings);
        st.enter("top", BlockType.MODULE, mod, 0);
        st.top = st.cur;
        st.cur.unoptimized = OPT_TOPLEVEL;
        for (Stmt s : mod.body()) {
            st.stmt(s);
        }
        st.exit();
        if (st.py26) {
            st.analyzeBlock26(st.top, null, new Py2Dict<>(), new java.util.HashSet<>());
        } else {
            st.analyzeBlock(st.top, null, new HashMap<>(), new HashMap<>());
        }
        return st;
    }

    // ---------------------------------------------------------------- first pass

    private void enter(String name, BlockType type, Object node, int lineno) {
        Block prev = cur;
        if (prev != null) {
            stack.add(prev);
        }
        cur = new Block(name, type, lineno);
        cur.py26 = py26;
        if (globalBlock == null || py26 && name.equals("top")) {
            // 2.6 takes any scope named 'top' (a function or class too) for the module's when it records
            // 'global' declarations: it compares the name with the module scope's interned name
            globalBlock = cur;
        }
        if (prev != null && (prev.nested || prev.type == BlockType.FUNCTION)) {
            cur.nested = true;
        }
        blocks.put(node, cur);
        if (prev != null) {
            prev.children.add(cur);
        }
    }

    private void exit() {
        cur = stack.isEmpty() ? null : stack.remove(stack.size() - 1);
    }

    /** CPython 2's {@code _Py_Mangle}: {@code __x} inside class {@code C} is {@code _C__x}. */
    public static String mangle(String privateName, String name) {
        if (privateName == null || !name.startsWith("__")) {
            return name;
        }
        if (name.endsWith("__") || name.indexOf('.') >= 0) {
            return name;
        }
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') {
            i++;
        }
        if (i == privateName.length()) {
            return name;
        }
        return "_" + privateName.substring(i) + name;
    }

    private PythonError syntaxError(String msg, int lineno) {
        return new PythonError("SyntaxError", msg, filename, lineno, -1, null, -1, -1);
    }

    private void addDef(String name, int flag) throws PythonError {
        String mangled = mangle(privateName, name);
        Integer old = cur.symbols.get(mangled);
        int val;
        if (old != null) {
            if ((flag & DEF_PARAM) != 0 && (old & DEF_PARAM) != 0) {
                throw syntaxError("duplicate argument '" + name + "' in function definition", cur.lineno);
            }
            val = old | flag;
        } else {
            val = flag;
        }
        putSymbol(cur, mangled, val);
        if ((flag & DEF_PARAM) != 0) {
            cur.varnames.add(mangled);
        } else if ((flag & DEF_GLOBAL) != 0) {
            Integer g = globalBlock.symbols.get(mangled);
            putSymbol(globalBlock, mangled, flag | (g == null ? 0 : g));
        }
    }

    private static void putSymbol(Block b, String name, int val) {
        b.symbols.put(name, val);
        if (b.py26) {
            b.symbols26.put(name, val);
        }
    }

    private int lookup(String name) {
        return cur.symbols.getOrDefault(mangle(privateName, name), 0);
    }

    private void warn(String msg, int lineno) {
        warnings.accept(new CompilerWarning("SyntaxWarning", msg, filename, lineno < 0 ? cur.lineno : lineno));
    }

    private void guard(int line) throws UnsupportedFeatureException {
        if (depth > 500) {
            throw new UnsupportedFeatureException(target, "code nested this deeply", line);
        }
    }

    private void stmts(List<Stmt> body) throws PythonError, UnsupportedFeatureException {
        if (body != null) {
            for (Stmt s : body) {
                stmt(s);
            }
        }
    }

    private void exprs(List<Expr> es) throws PythonError, UnsupportedFeatureException {
        if (es != null) {
            for (Expr e : es) {
                expr(e);
            }
        }
    }

    private void stmt(Stmt s) throws PythonError, UnsupportedFeatureException {
        depth++;
        guard(s.lineno());
        try {
            stmt0(s);
        } finally {
            depth--;
        }
    }

    private void stmt0(Stmt s) throws PythonError, UnsupportedFeatureException {
        if (s instanceof Ast.Py2FunctionDef f) {
            addDef(f.name(), DEF_LOCAL);
            exprs(f.args().defaults());
            exprs(f.decoratorList());
            enter(f.name(), BlockType.FUNCTION, f, f.lineno());
            arguments(f.args());
            stmts(f.body());
            exit();
        } else if (s instanceof Ast.ClassDef c) {
            addDef(c.name(), DEF_LOCAL);
            exprs(c.bases());
            exprs(c.decoratorList());
            enter(c.name(), BlockType.CLASS, c, c.lineno());
            String saved = privateName;
            privateName = c.name();
            stmts(c.body());
            privateName = saved;
            exit();
        } else if (s instanceof Ast.Return r) {
            if (r.value() != null) {
                expr(r.value());
                cur.returnsValue = true;
                if (cur.generator) {
                    throw syntaxError("'return' with argument inside generator", r.lineno());
                }
            }
        } else if (s instanceof Ast.Delete d) {
            exprs(d.targets());
        } else if (s instanceof Ast.Assign a) {
            exprs(a.targets());
            expr(a.value());
        } else if (s instanceof Ast.AugAssign a) {
            expr(a.target());
            expr(a.value());
        } else if (s instanceof Ast.Print p) {
            if (p.dest() != null) {
                expr(p.dest());
            }
            exprs(p.values());
        } else if (s instanceof Ast.For f) {
            expr(f.target());
            expr(f.iter());
            stmts(f.body());
            stmts(f.orelse());
        } else if (s instanceof Ast.While w) {
            expr(w.test());
            stmts(w.body());
            stmts(w.orelse());
        } else if (s instanceof Ast.If i) {
            expr(i.test());
            stmts(i.body());
            stmts(i.orelse());
        } else if (s instanceof Ast.Py2Raise r) {
            if (r.type() != null) {
                expr(r.type());
                if (r.inst() != null) {
                    expr(r.inst());
                    if (r.tback() != null) {
                        expr(r.tback());
                    }
                }
            }
        } else if (s instanceof Ast.TryExcept t) {
            stmts(t.body());
            stmts(t.orelse());
            for (Ast.Py2ExceptHandler h : t.handlers()) {
                if (h.type() != null) {
                    expr(h.type());
                }
                if (h.name() != null) {
                    expr(h.name());
                }
                stmts(h.body());
            }
        } else if (s instanceof Ast.TryFinally t) {
            stmts(t.body());
            stmts(t.finalbody());
        } else if (s instanceof Ast.Assert a) {
            expr(a.test());
            if (a.msg() != null) {
                expr(a.msg());
            }
        } else if (s instanceof Ast.Import im) {
            for (Ast.Alias a : im.names()) {
                alias(a);
            }
            if (cur.unoptimized != 0 && cur.optLineno == 0) {
                cur.optLineno = s.lineno();
            }
        } else if (s instanceof Ast.ImportFrom im) {
            for (Ast.Alias a : im.names()) {
                alias(a);
            }
            if (cur.unoptimized != 0 && cur.optLineno == 0) {
                cur.optLineno = s.lineno();
            }
        } else if (s instanceof Ast.Exec e) {
            expr(e.body());
            if (cur.optLineno == 0) {
                cur.optLineno = s.lineno();
            }
            if (e.globals() != null) {
                cur.unoptimized |= OPT_EXEC;
                expr(e.globals());
                if (e.locals() != null) {
                    expr(e.locals());
                }
            } else {
                cur.unoptimized |= OPT_BARE_EXEC;
            }
        } else if (s instanceof Ast.Global g) {
            for (String name : g.names()) {
                int flags = lookup(name);
                if ((flags & (DEF_LOCAL | USE)) != 0) {
                    String what = (flags & DEF_LOCAL) != 0 ? "is assigned to before" : "is used prior to";
                    warn("name '" + name + "' " + what + " global declaration", s.lineno());
                }
                addDef(name, DEF_GLOBAL);
            }
        } else if (s instanceof Ast.ExprStmt e) {
            expr(e.value());
        } else if (s instanceof Ast.Pass p) {
        } else if (s instanceof Ast.Break b) {
        } else if (s instanceof Ast.Continue c) {
        } else if (s instanceof Ast.With w) {
            Ast.WithItem item = w.items().get(0);
            if (py26) {
                // 2.6's symbol table still reserves a hidden local for __exit__, which its code keeps on the
                // stack instead: never used, but it counts in the symbol dict (and so in cell order)
                newTmpname();
            }
            expr(item.contextExpr());
            if (item.optionalVars() != null) {
                if (py26) {
                    newTmpname(); // the hidden local holding __enter__'s result
                }
                expr(item.optionalVars());
            }
            stmts(w.body());
        } else {
            throw new UnsupportedFeatureException(target, "the statement " + s.pyName(), s.lineno());
        }
    }

    private void alias(Ast.Alias a) throws PythonError {
        String name = a.asname() == null ? a.name() : a.asname();
        int dot = name.indexOf('.');
        String store = dot >= 0 ? name.substring(0, dot) : name;
        if (!name.equals("*")) {
            addDef(store, DEF_IMPORT);
        } else {
            if (cur.type != BlockType.MODULE) {
                warn("import * only allowed at module level", -1);
            }
            cur.unoptimized |= OPT_IMPORT_STAR;
        }
    }

    private void expr(Expr e) throws PythonError, UnsupportedFeatureException {
        depth++;
        guard(e.lineno());
        try {
            expr0(e);
        } finally {
            depth--;
        }
    }

    private void expr0(Expr e) throws PythonError, UnsupportedFeatureException {
        if (e instanceof Ast.BoolOp b) {
            exprs(b.values());
        } else if (e instanceof Ast.BinOp b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Ast.UnaryOp u) {
            expr(u.operand());
        } else if (e instanceof Ast.Py2Lambda l) {
            if (py26) {
                addDef("lambda", DEF_LOCAL); // 2.6 records a local named 'lambda' in the enclosing scope
            }
            exprs(l.args().defaults());
            enter("lambda", BlockType.FUNCTION, l, l.lineno());
            arguments(l.args());
            expr(l.body());
            exit();
        } else if (e instanceof Ast.IfExp i) {
            expr(i.test());
            expr(i.body());
            expr(i.orelse());
        } else if (e instanceof Ast.DictExpr d) {
            exprs(d.keys());
            exprs(d.values());
        } else if (e instanceof Ast.SetExpr s) {
            exprs(s.elts());
        } else if (e instanceof Ast.ListComp l) {
            listcomp(l);
        } else if (e instanceof Ast.GeneratorExp g) {
            comprehension(e, "genexpr", g.generators(), g.elt(), null);
        } else if (e instanceof Ast.SetComp s) {
            comprehension(e, "setcomp", s.generators(), s.elt(), null);
        } else if (e instanceof Ast.DictComp d) {
            comprehension(e, "dictcomp", d.generators(), d.key(), d.value());
        } else if (e instanceof Ast.Yield y) {
            if (y.value() != null) {
                expr(y.value());
            }
            cur.generator = true;
            if (cur.returnsValue) {
                throw syntaxError("'return' with argument inside generator", e.lineno());
            }
        } else if (e instanceof Ast.Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof Ast.Py2Call c) {
            expr(c.func());
            exprs(c.args());
            for (Ast.Keyword k : c.keywords()) {
                expr(k.value());
            }
            if (c.starargs() != null) {
                expr(c.starargs());
            }
            if (c.kwargs() != null) {
                expr(c.kwargs());
            }
        } else if (e instanceof Ast.Repr r) {
            expr(r.value());
        } else if (e instanceof Ast.Constant c) {
        } else if (e instanceof Ast.Attribute a) {
            expr(a.value());
        } else if (e instanceof Ast.Subscript s) {
            expr(s.value());
            expr(s.slice());
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
        } else if (e instanceof Ast.Name n) {
            addDef(n.id(), n.ctx() == Ast.ExprContext.Load ? USE : DEF_LOCAL);
        } else if (e instanceof Ast.ListExpr l) {
            exprs(l.elts());
        } else if (e instanceof Ast.TupleExpr t) {
            exprs(t.elts());
        } else {
            throw new UnsupportedFeatureException(target, "the expression " + e.pyName(), e.lineno());
        }
    }

    private void implicitArg(int pos) throws PythonError {
        addDef("." + pos, DEF_PARAM);
    }

    private void params(List<Expr> args, boolean toplevel) throws PythonError {
        for (int i = 0; i < args.size(); i++) {
            Expr arg = args.get(i);
            if (arg instanceof Ast.Name n) {
                addDef(n.id(), DEF_PARAM);
            } else if (arg instanceof Ast.TupleExpr) {
                if (toplevel) {
                    implicitArg(i);
                }
            } else {
                throw syntaxError("invalid expression in parameter list", cur.lineno);
            }
        }
        if (!toplevel) {
            paramsNested(args);
        }
    }

    private void paramsNested(List<Expr> args) throws PythonError {
        for (Expr arg : args) {
            if (arg instanceof Ast.TupleExpr t) {
                params(t.elts(), false);
            }
        }
    }

    private void arguments(Ast.Py2Arguments a) throws PythonError {
        if (a.args() != null) {
            params(a.args(), true);
        }
        if (a.vararg() != null) {
            addDef(a.vararg(), DEF_PARAM);
            cur.varargs = true;
        }
        if (a.kwarg() != null) {
            addDef(a.kwarg(), DEF_PARAM);
            cur.varkeywords = true;
        }
        if (a.args() != null) {
            paramsNested(a.args());
        }
    }

    /** 2.6: a hidden local {@code _[N]} (numbered per scope) for a list comprehension or a 'with'. */
    private void newTmpname() throws PythonError {
        cur.tmpname++;
        addDef("_[" + cur.tmpname + "]", DEF_LOCAL);
    }

    private void listcomp(Ast.ListComp l) throws PythonError, UnsupportedFeatureException {
        if (py26) {
            newTmpname(); // the list being built
        }
        boolean isGenerator = cur.generator;
        cur.generator = false;
        expr(l.elt());
        for (int i = 0; i < l.generators().size(); i++) {
            Ast.Comprehension c = l.generators().get(i);
            expr(c.target());
            if (i == 0 && !cur.generator) {
                expr(c.iter());
                isGenerator |= cur.generator;
                cur.generator = false;
            } else {
                expr(c.iter());
            }
            exprs(c.ifs());
        }
        cur.generator |= isGenerator;
    }

    private void comprehension(Expr e, String name, List<Ast.Comprehension> generators, Expr elt, Expr value)
            throws PythonError, UnsupportedFeatureException {
        boolean isGenerator = e instanceof Ast.GeneratorExp;
        boolean needsTmp = !isGenerator;
        Ast.Comprehension outermost = generators.get(0);
        expr(outermost.iter());
        enter(name, BlockType.FUNCTION, e, 0);
        isGenerator |= cur.generator;
        cur.generator = false;
        implicitArg(0);
        if (needsTmp) {
            cur.tmpname++;
            addDef("_[" + cur.tmpname + "]", DEF_LOCAL);
        }
        expr(outermost.target());
        exprs(outermost.ifs());
        for (int i = 1; i < generators.size(); i++) {
            Ast.Comprehension c = generators.get(i);
            expr(c.target());
            expr(c.iter());
            exprs(c.ifs());
        }
        if (value != null) {
            expr(value);
        }
        expr(elt);
        cur.generator |= isGenerator;
        exit();
    }

    // ---------------------------------------------------------------- analysis

    private void analyzeName(Block ste, Map<String, Integer> scope, String name, int flags, Map<String, Object> bound,
            Set<String> local, Set<String> free, Map<String, Object> global) throws PythonError {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_PARAM) != 0) {
                throw syntaxError("name '" + name + "' is local and global", ste.lineno);
            }
            scope.put(name, GLOBAL_EXPLICIT);
            global.put(name, null);
            if (bound != null) {
                bound.remove(name);
            }
            return;
        }
        if ((flags & DEF_BOUND) != 0) {
            scope.put(name, LOCAL);
            local.add(name);
            global.remove(name);
            return;
        }
        if (bound != null && bound.containsKey(name)) {
            scope.put(name, FREE);
            ste.free = true;
            free.add(name);
        } else if (global != null && global.containsKey(name)) {
            scope.put(name, GLOBAL_IMPLICIT);
        } else {
            if (ste.nested) {
                ste.free = true;
            }
            scope.put(name, GLOBAL_IMPLICIT);
        }
    }

    /**
     * CPython's analyze_block: {@code bound} is null for the module; {@code free} collects the free
     * names of this block and its children for the caller.
     */
    private void analyzeBlock(Block ste, Map<String, Object> bound, Map<String, Object> free,
            Map<String, Object> global) throws PythonError {
        Set<String> local = new LinkedHashSet<>();
        Map<String, Integer> scope = new LinkedHashMap<>();
        Map<String, Object> newGlobal = new HashMap<>();
        Map<String, Object> newBound = new HashMap<>();
        Map<String, Object> newFree = new HashMap<>();
        if (ste.type == BlockType.CLASS) {
            newGlobal.putAll(global);
            if (bound != null) {
                newBound.putAll(bound);
            }
        }
        Set<String> freeHere = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> en : ste.symbols.entrySet()) {
            analyzeName(ste, scope, en.getKey(), en.getValue(), bound, local, freeHere, global);
        }
        for (String f : freeHere) {
            free.put(f, null);
        }
        if (ste.type != BlockType.CLASS) {
            if (ste.type == BlockType.FUNCTION) {
                for (String l : local) {
                    newBound.put(l, null);
                }
            }
            if (bound != null) {
                newBound.putAll(bound);
            }
            newGlobal.putAll(global);
        }
        Map<String, Object> allFree = new HashMap<>();
        for (Block child : ste.children) {
            Map<String, Object> tempBound = new HashMap<>(newBound);
            Map<String, Object> tempFree = new HashMap<>(newFree);
            Map<String, Object> tempGlobal = new HashMap<>(newGlobal);
            analyzeBlock(child, tempBound, tempFree, tempGlobal);
            allFree.putAll(tempFree);
            if (child.free || child.childFree) {
                ste.childFree = true;
            }
        }
        newFree.putAll(allFree);
        if (ste.type == BlockType.FUNCTION) {
            for (Map.Entry<String, Integer> en : scope.entrySet()) {
                if (en.getValue() == LOCAL && newFree.containsKey(en.getKey())) {
                    en.setValue(CELL);
                    newFree.remove(en.getKey());
                }
            }
        }
        // update_symbols: the scopes, then names free in children but not known here
        ste.scopes.putAll(scope);
        for (String name : newFree.keySet()) {
            Integer o = ste.symbols.get(name);
            if (o != null) {
                if (ste.type == BlockType.CLASS && (o & (DEF_BOUND | DEF_GLOBAL)) != 0) {
                    putSymbol(ste, name, o | DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound == null || !bound.containsKey(name)) {
                continue;
            }
            putSymbol(ste, name, 0);
            ste.scopes.put(name, FREE);
        }
        checkUnoptimized(ste);
        free.putAll(newFree);
    }

    /**
     * 2.6's scope for a name an enclosing (or, through the shared dict, an earlier sibling) scope
     * declared global: implicit, as in 2.7 (idlelib/run.py's qualified exec shows LOAD_NAME).
     */
    private static final int GLOBAL_FROM_PARENT_26 = GLOBAL_IMPLICIT;

    /** 2.6's analyze_name: as 2.7's, but with the dicts shared by sibling scopes and {@code free} a 2.x dict. */
    private void analyzeName26(Block ste, Map<String, Integer> scope, String name, int flags, Set<String> bound,
            Set<String> local, Py2Dict<Object> free, Set<String> global) throws PythonError {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_PARAM) != 0) {
                // 2.6 raises this one without a location
                throw new PythonError("SyntaxError", "name '" + name + "' is local and global", null, -1, -1, null,
                        -1, -1);
            }
            scope.put(name, GLOBAL_EXPLICIT);
            global.add(name);
            if (bound != null) {
                bound.remove(name);
            }
            return;
        }
        if ((flags & DEF_BOUND) != 0) {
            scope.put(name, LOCAL);
            local.add(name);
            global.remove(name);
            return;
        }
        if (bound != null && bound.contains(name)) {
            scope.put(name, FREE);
            ste.free = true;
            free.put(name, null);
        } else if (global != null && global.contains(name)) {
            scope.put(name, GLOBAL_FROM_PARENT_26);
        } else {
            if (ste.nested) {
                ste.free = true;
            }
            scope.put(name, GLOBAL_IMPLICIT);
        }
    }

    /**
     * 2.6's analyze_block. Unlike 2.7 it hands the same {@code bound}, {@code free} and {@code global}
     * collections to every child (a child's 'global' statement or binding changes what its later
     * siblings see), and the order in which names reach the free dicts and the symbol dict decides the
     * order of co_cellvars and co_freevars, so those are {@link Py2Dict}s walked in 2.6's order.
     */
    private void analyzeBlock26(Block ste, Set<String> bound, Py2Dict<Object> free, Set<String> global)
            throws PythonError {
        Set<String> local = new java.util.HashSet<>();
        Map<String, Integer> scope = new HashMap<>();
        Set<String> newGlobal = new java.util.HashSet<>();
        Set<String> newBound = new java.util.HashSet<>();
        Py2Dict<Object> newFree = new Py2Dict<>();
        if (ste.type == BlockType.CLASS) {
            newGlobal.addAll(global);
            if (bound != null) {
                newBound.addAll(bound);
            }
        }
        for (String name : ste.symbols26.keys()) {
            analyzeName26(ste, scope, name, ste.symbols.get(name), bound, local, free, global);
        }
        if (ste.type != BlockType.CLASS) {
            if (ste.type == BlockType.FUNCTION) {
                newBound.addAll(local);
            }
            if (bound != null) {
                newBound.addAll(bound);
            }
            newGlobal.addAll(global);
        }
        for (Block child : ste.children) {
            analyzeBlock26(child, newBound, newFree, newGlobal);
            if (child.free || child.childFree) {
                ste.childFree = true;
            }
        }
        if (ste.type == BlockType.FUNCTION) {
            for (Map.Entry<String, Integer> en : scope.entrySet()) {
                if (en.getValue() == LOCAL && newFree.containsKey(en.getKey())) {
                    en.setValue(CELL);
                    newFree.remove(en.getKey());
                }
            }
        }
        ste.scopes.putAll(scope);
        for (String name : newFree.keys()) {
            Integer o = ste.symbols.get(name);
            if (o != null) {
                if (ste.type == BlockType.CLASS && (o & (DEF_BOUND | DEF_GLOBAL)) != 0) {
                    putSymbol(ste, name, o | DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound == null || !bound.contains(name)) {
                continue;
            }
            putSymbol(ste, name, 0);
            ste.scopes.put(name, FREE);
        }
        checkUnoptimized(ste);
        free.update(newFree);
    }

    private void checkUnoptimized(Block ste) throws PythonError {
        if (ste.type != BlockType.FUNCTION || ste.unoptimized == 0 || !(ste.free || ste.childFree)) {
            return;
        }
        String trailer = ste.childFree ? "contains a nested function with free variables" : "is a nested function";
        String msg;
        switch (ste.unoptimized) {
            case OPT_TOPLEVEL, OPT_EXEC -> {
                return;
            }
            case OPT_IMPORT_STAR -> msg = "import * is not allowed in function '" + ste.name + "' because it " + trailer;
            case OPT_BARE_EXEC -> msg = "unqualified exec is not allowed in function '" + ste.name + "' because it "
                    + trailer;
            default -> msg = "function '" + ste.name + "' uses import * and bare exec, which are illegal because it "
                    + trailer;
        }
        throw syntaxError(msg, ste.optLineno);
    }
}
