package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Tokenizer;
import io.github.pycompile.compiler.CompilerWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The syntax errors of CPython 3.6 to 3.8 that {@link Parser311} reproduces for those targets. Their
 * {@code ast.parse} first builds the whole concrete tree with the LL(1) parser (which raises the
 * tokenizer's errors and "invalid syntax"), and only then walks it in {@code Python/ast.c}, which
 * raises its own errors, the first one met: an {@code ast.c} error found while parsing is therefore
 * kept here and raised once the whole file has parsed (a later tokenizer or grammar error wins).
 *
 * <p>{@code ast.c} locates an error at a node of the concrete tree: its line, and its column as the
 * offset, 0-based in 3.6 and 3.7, 1-based from 3.8. Where our parser fails, {@link Ll1Recognizer} gives
 * the LL(1) parser's own error; where that parser accepts, an error of our first parse (pegen's) is
 * refused ({@link #REFUSAL}).
 */
final class Ll1Errors {
    /** What a refused 3.6-3.8 syntax error is called. */
    static final String REFUSAL = "this syntax error (3.6-3.8's LL(1) parser and ast.c messages are not reproduced yet)";

    private final PythonVersion target;
    private final String filename;
    private final Tokenizer tokenizer;
    private PythonError first;

    Ll1Errors(PythonVersion target, String filename, Tokenizer tokenizer) {
        this.target = target;
        this.filename = filename;
        this.tokenizer = tokenizer;
    }

    /** Records {@code ast.c}'s error at a node starting at (line, col), unless an earlier one is kept. */
    void astError(int line, int col, String msg) {
        if (first == null) {
            int offset = target.atLeast(PythonVersion.V3_8) ? col + 1 : col;
            first = new PythonError("SyntaxError", msg, filename, line, offset, tokenizer.lineText(line), -1, -1);
        }
    }

    /** Records an {@code ast.c} error met with its own position (an f-string field's), unless an earlier one is kept. */
    void astError(PythonError e) {
        if (first == null) {
            first = e;
        }
    }

    /** True once an {@code ast.c} error is kept. */
    boolean hasError() {
        return first != null;
    }

    /**
     * The warnings of a 3.6-3.8 parse: {@code ast.c} decodes the literals only once the LL(1) parser has
     * accepted the whole file, and stops at its first error; so warnings are held, dropped if the file
     * does not parse, and those after the first {@code ast.c} error are never given.
     */
    static final class WarningGate implements Consumer<CompilerWarning> {
        private final Consumer<CompilerWarning> out;
        private final List<CompilerWarning> held = new ArrayList<>();
        Ll1Errors errors;

        WarningGate(Consumer<CompilerWarning> out) {
            this.out = out;
        }

        @Override
        public void accept(CompilerWarning w) {
            if (errors == null || !errors.hasError()) {
                held.add(w);
            }
        }

        /** The whole file parsed: the held warnings are given. */
        void release() {
            release(List.of());
        }

        /**
         * As {@link #release()}, with warnings found by walking the tree ({@code ast.c}'s own walk): merged
         * in by line, before the held ones of the same line (a statement's targets are walked before its
         * value); none past the line of a kept {@code ast.c} error.
         */
        void release(List<CompilerWarning> walked) {
            int limit = errors != null && errors.first != null ? errors.first.lineno() : Integer.MAX_VALUE;
            int i = 0;
            for (CompilerWarning w : held) {
                while (i < walked.size() && walked.get(i).lineno() <= w.lineno() && walked.get(i).lineno() < limit) {
                    out.accept(walked.get(i++));
                }
                out.accept(w);
            }
            while (i < walked.size() && walked.get(i).lineno() < limit) {
                out.accept(walked.get(i++));
            }
            held.clear();
        }
    }

    /**
     * Records {@code ast.c}'s error at a node whose first token is {@code t}: 3.6 and 3.7 place a node
     * starting with a string token that spans lines where their tokenizer left it (its last line,
     * column -1), 3.8 at the token's start.
     */
    void astErrorAtToken(Token t, String msg) {
        int[] at = target.atLeast(PythonVersion.V3_8) ? new int[] {t.startLine(), t.startCol()} : Ll1Trees.tokenPosition(t);
        astError(at[0], at[1], msg);
    }

    /**
     * {@code ast.c}'s message for an expression used as an assignment ({@code del == false}) or
     * deletion target, or null if it can be one: its {@code set_context} walk, which names the first
     * element that cannot be a target, and refuses {@code __debug__} as a name or attribute stored to.
     * 3.6 and 3.7 say "can't", name every literal and display "literal" and None/True/False "keyword";
     * 3.8 says "cannot" and names them as 3.9 does.
     */
    String targetError(Expr e, boolean del) {
        boolean v38 = target.atLeast(PythonVersion.V3_8);
        String what;
        if (e instanceof Ast.Name n) {
            return !del && n.id().equals("__debug__") ? debugAssignment() : null;
        } else if (e instanceof Ast.Attribute a) {
            return !del && a.attr().equals("__debug__") ? debugAssignment() : null;
        } else if (e instanceof Ast.Subscript) {
            return null;
        } else if (e instanceof Ast.Starred st) {
            return targetError(st.value(), del);
        } else if (e instanceof Ast.TupleExpr || e instanceof Ast.ListExpr) {
            for (Expr x : e instanceof Ast.TupleExpr t ? t.elts() : ((Ast.ListExpr) e).elts()) {
                String m = targetError(x, del);
                if (m != null) {
                    return m;
                }
            }
            return null;
        } else if (e instanceof Ast.Lambda) {
            what = "lambda";
        } else if (e instanceof Ast.Call) {
            what = "function call";
        } else if (e instanceof Ast.BoolOp || e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
            what = "operator";
        } else if (e instanceof Ast.GeneratorExp) {
            what = "generator expression";
        } else if (e instanceof Ast.Yield || e instanceof Ast.YieldFrom) {
            what = "yield expression";
        } else if (e instanceof Ast.Await) {
            what = "await expression";
        } else if (e instanceof Ast.ListComp) {
            what = "list comprehension";
        } else if (e instanceof Ast.SetComp) {
            what = "set comprehension";
        } else if (e instanceof Ast.DictComp) {
            what = "dict comprehension";
        } else if (e instanceof Ast.Compare) {
            what = "comparison";
        } else if (e instanceof Ast.IfExp) {
            what = "conditional expression";
        } else if (e instanceof Ast.NamedExpr && v38) {
            what = "named expression";
        } else if (e instanceof Ast.DictExpr) {
            what = v38 ? "dict display" : "literal";
        } else if (e instanceof Ast.SetExpr) {
            what = v38 ? "set display" : "literal";
        } else if (e instanceof Ast.JoinedStr || e instanceof Ast.FormattedValue) {
            what = v38 ? "f-string expression" : "literal";
        } else if (e instanceof Ast.Constant c) {
            if (c.value() == PyObject.Singleton.ELLIPSIS) {
                what = "Ellipsis";
            } else if (c.value() == PyObject.Singleton.NONE) {
                what = v38 ? "None" : "keyword";
            } else if (c.value() == PyObject.Singleton.TRUE) {
                what = v38 ? "True" : "keyword";
            } else if (c.value() == PyObject.Singleton.FALSE) {
                what = v38 ? "False" : "keyword";
            } else {
                what = "literal";
            }
        } else {
            throw new UnsupportedConstruct("this assignment target (3.6-3.8's ast.c message)", e.lineno());
        }
        return (v38 ? "cannot " : "can't ") + (del ? "delete " : "assign to ") + what;
    }

    /** {@code ast.c}'s message for the target of an annotated assignment, or null if it can be one. */
    String annotationTargetError(Expr e) {
        if (e instanceof Ast.Name || e instanceof Ast.Attribute || e instanceof Ast.Subscript) {
            return targetError(e, false);
        } else if (e instanceof Ast.ListExpr) {
            return "only single target (not list) can be annotated";
        } else if (e instanceof Ast.TupleExpr) {
            return "only single target (not tuple) can be annotated";
        }
        return "illegal target for annotation";
    }

    /** {@code ast.c}'s message for the target of an augmented assignment (its set_context first), or null. */
    String augmentedTargetError(Expr e) {
        String m = targetError(e, false);
        if (m == null && !(e instanceof Ast.Name || e instanceof Ast.Attribute || e instanceof Ast.Subscript)) {
            m = "illegal expression for augmented assignment";
        }
        return m;
    }

    /** The error state before some node was built: what {@link #astErrorSince} compares with. */
    PythonError mark() {
        return first;
    }

    /**
     * Records an error that {@code ast.c} raises before building what was parsed since {@code mark}:
     * if no error was kept then, this one replaces any recorded since (ast.c would not have met them).
     */
    void astErrorSince(PythonError mark, Token t, String msg) {
        if (mark == null) {
            first = null;
            astErrorAtToken(t, msg);
        }
    }

    /** The kinds of a call argument in 3.6-3.8's grammar ({@code argument}). */
    enum ArgKind { POSITIONAL, GENERATOR, STAR, DOUBLE_STAR, KEYWORD }

    /**
     * One argument of a call or class definition as parsed: its kind, first token, the error state
     * before it ({@code mark}), and for a keyword argument the expression before its '=' and the error
     * state once that was built ({@code nameMark}).
     */
    record Arg(ArgKind kind, Token start, PythonError mark, Expr name, PythonError nameMark) {
    }

    /**
     * {@code ast.c}'s checks of an argument list (ast_for_call), in its order: first, over the whole
     * list before any argument is built, the generator expressions (3.6: anywhere but alone, at the
     * list; 3.7 and 3.8: the first one, if the list has anything else or a trailing comma, at it; in a
     * class definition's bases "invalid syntax"); then argument by argument, before it is built, the
     * order rules, and for a keyword argument its name (once built) and repetition.
     */
    void checkArguments(java.util.List<Arg> args, boolean trailingComma, boolean classBases, PythonError before) {
        boolean v37 = target.atLeast(PythonVersion.V3_7);
        boolean v38 = target.atLeast(PythonVersion.V3_8);
        if (v37) {
            for (Arg a : args) {
                if (a.kind() == ArgKind.GENERATOR) {
                    if (classBases) {
                        astErrorSince(before, a.start(), "invalid syntax");
                        return;
                    }
                    if (args.size() > 1 || trailingComma) {
                        astErrorSince(before, a.start(), "Generator expression must be parenthesized");
                        return;
                    }
                }
            }
        } else {
            int gens = 0;
            for (Arg a : args) {
                gens += a.kind() == ArgKind.GENERATOR ? 1 : 0;
            }
            if (gens > 0 && args.size() > 1) {
                astErrorSince(before, args.get(0).start(), "Generator expression must be parenthesized if not sole argument");
                return;
            }
            if (args.size() > 255) {
                astErrorSince(before, args.get(0).start(), "more than 255 arguments");
                return;
            }
            if (gens > 0 && classBases) {
                throw new UnsupportedConstruct("a generator expression as a class's base (3.6)", args.get(0).start().startLine());
            }
        }
        int keywords = 0;
        int doubleStars = 0;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Arg a : args) {
            switch (a.kind()) {
                case POSITIONAL:
                    if (keywords > 0) {
                        astErrorSince(a.mark(), a.start(), doubleStars > 0
                                ? "positional argument follows keyword argument unpacking"
                                : "positional argument follows keyword argument");
                        return;
                    }
                    break;
                case STAR:
                    if (doubleStars > 0) {
                        astErrorSince(a.mark(), a.start(), "iterable argument unpacking follows keyword argument unpacking");
                        return;
                    }
                    break;
                case DOUBLE_STAR:
                    keywords++;
                    doubleStars++;
                    break;
                case KEYWORD: {
                    keywords++;
                    Expr n = a.name();
                    String msg = null;
                    if (!v38 && n instanceof Ast.Lambda) {
                        msg = "lambda cannot contain assignment";
                    } else if (v38 && n instanceof Ast.Constant c && (c.value() == PyObject.Singleton.NONE
                            || c.value() == PyObject.Singleton.TRUE || c.value() == PyObject.Singleton.FALSE)) {
                        msg = "cannot assign to " + (c.value() == PyObject.Singleton.NONE ? "None"
                                : c.value() == PyObject.Singleton.TRUE ? "True" : "False");
                    } else if (!(n instanceof Ast.Name) || v38 && a.start().kind() != TokenKind.NAME) {
                        msg = v38 ? "expression cannot contain assignment, perhaps you meant \"==\"?"
                                : "keyword can't be an expression";
                    } else if (((Ast.Name) n).id().equals("__debug__")) {
                        msg = debugAssignment();
                    } else if (!names.add(((Ast.Name) n).id())) {
                        msg = "keyword argument repeated";
                    }
                    if (msg != null) {
                        // 3.8 checks the keyword's tree without building it; 3.6 and 3.7 build it first
                        astErrorSince(v38 ? a.mark() : a.nameMark(), a.start(), msg);
                        return;
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    /** What 3.8's ast.c calls an expression in its messages (get_expr_name). */
    String exprName38(Expr e) {
        if (e instanceof Ast.Attribute || e instanceof Ast.Subscript || e instanceof Ast.Starred
                || e instanceof Ast.Name || e instanceof Ast.ListExpr || e instanceof Ast.TupleExpr) {
            return Parser311.exprName(e); // named alike by ast.c and pegen
        }
        String m = targetError(e, true); // "cannot delete <name>" for the others
        if (m == null || !m.startsWith("cannot delete ")) {
            throw new UnsupportedConstruct("this assignment expression target (3.8's ast.c message)", e.lineno());
        }
        return m.substring("cannot delete ".length());
    }

    /** The error for a name {@code __debug__} bound: ast.c's forbidden_name. */
    String debugAssignment() {
        return target.atLeast(PythonVersion.V3_8) ? "cannot assign to __debug__" : "assignment to keyword";
    }

    /**
     * An {@code ast.c} error met while a node is built (f-string and literal decoding): the builder
     * catches it, records it with {@link #astErrorAtToken} and goes on with a stand-in node.
     */
    static class AstFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AstFailure(String msg) {
            super(msg, null, false, false);
        }
    }

    /** The warning gate of this parse, whose held warnings a {@link Reorder} rearranges (null if none). */
    WarningGate gate;

    /**
     * A node whose parts {@code ast.c} builds in another order than the source's (a comparison's
     * operands after its left one, an if statement's last elif first, ...): each part is parsed with no
     * error kept, its error and held warnings set aside, and once all are read they are taken in
     * {@code ast.c}'s order, up to the first part with an error (the parts after it are never built:
     * their warnings are dropped).
     */
    static final class Reorder {
        private final int heldStart;
        private int partStart;
        private final List<PythonError> errors = new ArrayList<>();
        private final List<int[]> ranges = new ArrayList<>();

        private Reorder(int heldStart) {
            this.heldStart = heldStart;
            this.partStart = heldStart;
        }

        /** The number of parts ended so far. */
        int parts() {
            return errors.size();
        }
    }

    /** Whether a {@link Reorder} gave held warnings out of source order (3.6's walked warnings cannot be merged then). */
    boolean reorderedWarnings;

    /** Starts a reordered node, or null when an error is kept already (nothing in it counts then). */
    Reorder reorderStart() {
        return first != null ? null : new Reorder(heldCount());
    }

    /** As {@link #reorderStart}, for a node whose first tokens were read already: the state before them. */
    Reorder reorderStartBefore(PythonError before, int heldBefore) {
        return before != null ? null : new Reorder(heldBefore);
    }

    /** The number of warnings held so far. */
    int heldCount() {
        return gate == null ? 0 : gate.held.size();
    }

    /** Ends the current part of {@code r} (if any): its error is set aside and none is kept for the next. */
    void reorderCut(Reorder r) {
        if (r != null) {
            int h = heldCount();
            r.errors.add(first);
            r.ranges.add(new int[] {r.partStart, h});
            r.partStart = h;
            first = null;
        }
    }

    /** Ends {@code r}'s last part and takes the parts in {@code order} (their indexes, every part once). */
    void reorderEnd(Reorder r, int... order) {
        if (r == null) {
            return;
        }
        reorderCut(r);
        if (order.length != r.parts()) {
            throw new IllegalStateException("reorder: " + order.length + " != " + r.parts());
        }
        List<CompilerWarning> taken = List.of();
        if (gate != null) {
            List<CompilerWarning> tail = gate.held.subList(r.heldStart, gate.held.size());
            taken = new ArrayList<>(tail);
            tail.clear();
        }
        first = null;
        if (!taken.isEmpty()) {
            for (int k = 0; k < order.length; k++) {
                if (order[k] != k) {
                    reorderedWarnings = true; // warnings given out of source order
                    break;
                }
            }
        }
        for (int i : order) {
            int[] rg = r.ranges.get(i);
            if (gate != null) {
                gate.held.addAll(taken.subList(rg[0] - r.heldStart, rg[1] - r.heldStart));
            }
            if (r.errors.get(i) != null) {
                first = r.errors.get(i);
                return;
            }
        }
    }

    /** A reordered node left by an exception: its first error in source order is kept, as before it. */
    void reorderAbort(Reorder r) {
        if (r == null) {
            return;
        }
        for (PythonError e : r.errors) {
            if (e != null) {
                first = e;
                return;
            }
        }
    }

    /** Errors kept in their place in ast.c's order whose own message and position are not reproduced. */
    private final java.util.Set<PythonError> unreproduced = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * Records, unless an earlier error is kept, an error found inside an f-string field (by the field's
     * own parser): where it comes first, the source is refused.
     */
    void astErrorUnreproduced(PythonError e) {
        if (first == null) {
            first = e;
            unreproduced.add(e);
        }
    }

    /** Raises the kept {@code ast.c} error, if any (the whole file has parsed). */
    void raiseFirst() throws PythonError, io.github.pycompile.UnsupportedFeatureException {
        if (first != null && unreproduced.contains(first)) {
            throw new io.github.pycompile.UnsupportedFeatureException(target,
                    "an ast.c error inside an f-string field (its position, 3.6-3.8)", first.lineno());
        }
        if (first != null) {
            throw first;
        }
    }
}
