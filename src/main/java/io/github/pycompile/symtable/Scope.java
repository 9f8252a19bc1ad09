package io.github.pycompile.symtable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One block of the symbol table ({@code PySTEntryObject}): a module, class or function (lambdas and
 * comprehensions are functions), its symbols in the order CPython's dict holds them (first
 * occurrence), their flags and, after analysis, their scopes.
 */
public final class Scope {
    public enum Kind { MODULE, CLASS, FUNCTION }

    final Kind kind;
    final String name;
    final int lineno;
    final int colOffset;
    final Scope parent;
    final List<Scope> children = new ArrayList<>();
    final Map<String, Integer> symbols = new LinkedHashMap<>();
    final Map<String, Integer> scopes = new LinkedHashMap<>();
    final List<String> varnames = new ArrayList<>();
    final String privateName;
    boolean nested;
    boolean generator;
    boolean coroutine;
    boolean comprehension;
    /** The first global/nonlocal statement naming each name (mangled), where CPython reports errors about it. */
    final java.util.Map<String, io.github.pycompile.ast.Ast.Stmt> directives = new java.util.HashMap<>();
    /** Visiting a comprehension's iteration target (its names are marked DEF_COMP_ITER). */
    boolean compIterTarget;
    /** Depth of comprehension iterable expressions being visited (no := allowed there). */
    int compIterExpr;
    boolean varargs;
    boolean varkeywords;
    boolean returnsValue;
    boolean free;
    boolean childFree;
    boolean needsClassClosure;

    Scope(Kind kind, String name, int lineno, int colOffset, Scope parent, String privateName) {
        this.kind = kind;
        this.name = name;
        this.lineno = lineno;
        this.colOffset = colOffset;
        this.parent = parent;
        this.privateName = privateName;
        if (parent != null && (parent.nested || parent.kind == Kind.FUNCTION)) {
            nested = true;
        }
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public int lineno() {
        return lineno;
    }

    public int colOffset() {
        return colOffset;
    }

    public List<Scope> children() {
        return children;
    }

    /** Symbol names in CPython's order (first occurrence). */
    public Set<String> names() {
        return symbols.keySet();
    }

    public int flags(String name) {
        return symbols.getOrDefault(name, 0);
    }

    /** LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL ({@link Symbols}); 0 when not in the table. */
    public int scope(String name) {
        return scopes.getOrDefault(name, 0);
    }

    /** The parameters, in declaration order ({@code ste_varnames}). */
    public List<String> varnames() {
        return varnames;
    }

    /** The class name that private names are mangled with, or null. */
    public String privateName() {
        return privateName;
    }

    public boolean isFunction() {
        return kind == Kind.FUNCTION;
    }

    public boolean isNested() {
        return nested;
    }

    public boolean isGenerator() {
        return generator;
    }

    public boolean isCoroutine() {
        return coroutine;
    }

    public boolean isComprehension() {
        return comprehension;
    }

    public boolean hasChildFree() {
        return childFree;
    }

    public boolean hasVarargs() {
        return varargs;
    }

    public boolean hasVarkeywords() {
        return varkeywords;
    }

    public boolean returnsValue() {
        return returnsValue;
    }

    public boolean needsClassClosure() {
        return needsClassClosure;
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + symbols + " " + scopes;
    }
}
