package io.github.pycompile.parser;

import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.target.PythonVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The positions of the trees CPython 3.6 to 3.8 build ({@code Python/ast.c} over the LL(1) parser's
 * concrete tree), made from the tree {@link Parser311} builds with pegen's positions: one pass over
 * the finished tree, after parsing.
 *
 * <p>What differs: {@code alias} and {@code keyword} nodes have no positions before 3.9 (nor
 * {@code alias} before 3.10), a {@code Slice} none before 3.9 (it was not an expression), nor the
 * tuple of an extended slice ({@code a[1:2, 3]}, 3.8's {@code ExtSlice}); 3.6 and 3.7 have no end
 * positions at all. A position the version lacks is -1, as {@code testsupport.CpythonAst} writes it.
 *
 * <p>Nodes are rebuilt through their canonical record constructors (found once per class): this pass
 * runs for the old targets only, and keeps the shared tree types free of per-version code.
 */
final class Ll1Trees {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /** A record class: its components and canonical constructor, and where its positions are. */
    private static final class Shape {
        final RecordComponent[] components;
        final Constructor<?> constructor;
        /** Index of {@code lineno} among the components (the four positions follow), or -1. */
        final int lineno;

        Shape(Class<?> type) {
            components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            int at = -1;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals("lineno") && i + 3 < components.length
                        && components[i + 3].getName().equals("endColOffset")) {
                    at = i;
                }
            }
            lineno = at;
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor for " + type, e);
            }
        }
    }

    private final boolean endPositions;
    private final PythonVersion target;
    /** The parser's tokens (NEWLINE, INDENT and DEDENT included), in source order. */
    private final List<Token> tokens;

    /** Where each f-string field's expression was parsed from (3.6/3.7 place some nodes by its text). */
    private final FieldSources fields;
    /** The field whose expression the walk is in (its innermost), or null. */
    private FieldSources.Placed fieldSource;

    private Ll1Trees(PythonVersion target, List<Token> tokens, FieldSources fields) {
        this.endPositions = target.atLeast(PythonVersion.V3_8);
        this.target = target;
        this.tokens = tokens;
        this.fields = fields;
    }

    /**
     * The module as {@code target}'s (3.6 to 3.8) {@code ast.parse} would locate its nodes, given the
     * sources of its f-string fields as the parser placed them.
     */
    static Ast.ModuleNode apply(Ast.ModuleNode m, PythonVersion target, List<Token> tokens, FieldSources fields)
            throws UnsupportedFeatureException, io.github.pycompile.PythonError {
        return apply(m, target, tokens, fields, false);
    }

    /**
     * As above; {@code astErrorKept}: the parser kept an {@code ast.c} error, so a field's own syntax
     * error (also met while ast.c builds the tree) is refused, their order unknown here.
     */
    static Ast.ModuleNode apply(Ast.ModuleNode m, PythonVersion target, List<Token> tokens, FieldSources fields,
            boolean astErrorKept) throws UnsupportedFeatureException, io.github.pycompile.PythonError {
        try {
            Ll1Trees pass = new Ll1Trees(target, tokens, fields);
            pass.astErrorKept = astErrorKept;
            pass.checking = true;
            pass.walk(m, null, null);
            pass.checking = false;
            Ast.ModuleNode out = (Ast.ModuleNode) pass.walk(m, null, null);
            if (!pass.endPositions) {
                // the starts were placed with the end positions still known; now drop them
                pass.stripEnds = true;
                out = (Ast.ModuleNode) pass.walk(out, null, null);
            }
            return out;
        } catch (UnsupportedConstruct u) {
            throw u.toException(target);
        } catch (FieldErrors36.Failure f) {
            throw f.error;
        }
    }

    /** The parser kept an {@code ast.c} error (see {@link #apply(Ast.ModuleNode, PythonVersion, List, FieldSources, boolean)}). */
    private boolean astErrorKept;

    /** First pass: refuses what the target's grammar lacks ({@link #check}), changes nothing. */
    private boolean checking;
    /** Second pass for 3.6 and 3.7: every end position becomes -1. */
    private boolean stripEnds;
    /** How many f-string fields the walk is in (their tokens are not in {@link #tokens}). */
    private int inField;

    /**
     * Where 3.6 and 3.7 locate a token: a string token over several lines (triple-quoted, or continued
     * with a backslash) at its last line, column -1 (their tokenizer's position for it).
     */
    static int[] tokenPosition(Token t) {
        if (t.kind() == TokenKind.STRING && t.endLine() != t.startLine()) {
            return new int[] {t.endLine(), -1};
        }
        return new int[] {t.startLine(), t.startCol()};
    }

    /** Index of the first significant token starting at or after (line, col). */
    private int tokenAt(int line, int col) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
            if (t.startLine() < line || t.startLine() == line && t.startCol() < col) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while (lo < tokens.size() && isLayout(tokens.get(lo))) {
            lo++;
        }
        return lo;
    }

    /** Index of the first significant token that starts at or after the end (line, col). */
    private int tokenAfter(int line, int col) {
        return tokenAt(line, col);
    }

    private static boolean isLayout(Token t) {
        return t.kind() == TokenKind.NEWLINE || t.kind() == TokenKind.INDENT || t.kind() == TokenKind.DEDENT;
    }

    /** Index of the bracket closing the one at {@code open}. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.LPAR || k == TokenKind.LSQB || k == TokenKind.LBRACE) {
                depth++;
            } else if (k == TokenKind.RPAR || k == TokenKind.RSQB || k == TokenKind.RBRACE) {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Rebuilds {@code o} (a node or list of nodes) with its positions; it is {@code parent}'s {@code field}. */
    private Object walk(Object o, Object parent, String field) {
        if (o instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object x = list.get(i);
                Object y = walk(x, parent, field);
                if (y != x && out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(y);
                }
            }
            return out == null ? o : out;
        }
        if (!(o instanceof Ast.Node) || !(o instanceof Record)) {
            return o;
        }
        Shape shape = SHAPES.get(o.getClass());
        Object[] values = new Object[shape.components.length];
        boolean changed = false;
        try {
            boolean isField = o instanceof Ast.FormattedValue;
            inField += isField ? 1 : 0;
            for (int i = 0; i < values.length; i++) {
                Object v = shape.components[i].getAccessor().invoke(o);
                FieldSources.Placed outer = fieldSource;
                if (isField && shape.components[i].getName().equals("value")) {
                    fieldSource = fields.of(v);
                }
                Object w = walk(v, o, shape.components[i].getName());
                fieldSource = outer;
                changed |= w != v;
                values[i] = w;
            }
            inField -= isField ? 1 : 0;
            if (o instanceof Ast.Constant && !endPositions && values[1] != null) {
                values[1] = null; // no 'kind' before 3.8 (the u prefix is not recorded)
                changed = true;
            }
            Object n = changed ? shape.constructor.newInstance(values) : o;
            if (shape.lineno >= 0) {
                int[] p = {(Integer) values[shape.lineno], (Integer) values[shape.lineno + 1],
                        (Integer) values[shape.lineno + 2], (Integer) values[shape.lineno + 3]};
                int[] q = position((Ast.Located) n, parent, field, p);
                boolean moved = false;
                for (int k = 0; k < 4; k++) {
                    if (q[k] != p[k]) {
                        values[shape.lineno + k] = q[k];
                        moved = true;
                    }
                }
                if (moved) {
                    n = shape.constructor.newInstance(values);
                }
            }
            return n;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int[] NONE = {-1, -1, -1, -1};

    /** The node's position in the target's tree, given the one {@link Parser311} gave it. */
    private int[] position(Ast.Located n, Object parent, String field, int[] p) {
        if (checking) {
            if (inField == 0) {
                check(n, parent, field, p);
            } else if (fieldSource != null && lacksInField(n)) {
                fieldError(p);
            }
            return p;
        }
        if (stripEnds) {
            return new int[] {p[0], p[1], -1, -1};
        }
        if (n instanceof Ast.Alias || n instanceof Ast.Keyword || n instanceof Ast.Slice) {
            return NONE;
        }
        if (n instanceof Ast.TupleExpr t && parent instanceof Ast.Subscript && field.equals("slice")
                && t.elts().stream().anyMatch(e -> e instanceof Ast.Slice)) {
            return NONE; // 3.8's ExtSlice, which has no position
        }
        if (!endPositions) {
            int[] start = startBefore38(n, parent, field, p);
            return new int[] {start[0], start[1], p[2], p[3]};
        }
        if (fieldSource != null && p[0] == fieldSource.line() && p[2] > p[0]) {
            p = endInField38(n, parent, p);
        }
        if (n instanceof Ast.Starred s && parent instanceof Ast.Call && field.equals("args")) {
            // a call's *argument ends where its value does (a closing parenthesis around it left out)
            return new int[] {p[0], p[1], s.value().endLineno(), s.value().endColOffset()};
        }
        if (n instanceof Ast.Arg a && a.annotation() != null && parent instanceof Ast.Arguments
                && field.equals("kwonlyargs")) {
            // a keyword-only parameter ends with its name, its annotation left out
            return new int[] {p[0], p[1], p[0], p[1] + utf8Length(a.arg())};
        }
        List<Ast.Stmt> last = lastBlock(n);
        if (last != null) {
            // a compound statement ends where its last statement does (a ';' after it left out)
            Ast.Stmt s = last.get(last.size() - 1);
            return new int[] {p[0], p[1], s.endLineno(), s.endColOffset()};
        }
        return p;
    }

    /**
     * 3.8: a node of an f-string field that starts on the field's first line and ends on a later one.
     * 3.8 moves every node of the field's concrete tree that starts on its first line by the field's
     * column, its end included, wherever that end is: so such a node ends that many columns further
     * right, unless ast.c takes its end from a node starting on a later line (a binary operation ends
     * where its right operand does).
     */
    private int[] endInField38(Ast.Located n, Object parent, int[] p) {
        int line = fieldSource.line();
        boolean shifted;
        if (n instanceof Ast.GeneratorExp && parent instanceof Ast.Call c && c.endLineno() == p[2]
                && c.endColOffset() == p[3]) {
            shifted = false; // a call's lone generator argument ends at the call's ')'
        } else if (n instanceof Ast.BinOp b) {
            Ast.Expr r = b.right();
            // its right operand's node, parentheses included, starts on the first line
            shifted = fieldSource.openingLine(r.lineno(), r.colOffset()) == line;
        } else if (n instanceof Ast.Call c && (!c.args().isEmpty() || !c.keywords().isEmpty())) {
            shifted = false; // a call with arguments ends at its ')', on a later line
        } else if (n instanceof Ast.Call || n instanceof Ast.Attribute || n instanceof Ast.Subscript) {
            // ends where its trailer does: moved if the trailer's '(', '.' or '[' is on the first line
            Ast.Expr on = n instanceof Ast.Call c ? c.func() : n instanceof Ast.Attribute a ? a.value() : ((Ast.Subscript) n).value();
            char opener = n instanceof Ast.Call ? '(' : n instanceof Ast.Attribute ? '.' : '[';
            if (on.endLineno() != line) {
                shifted = false;
            } else {
                FieldSources.Line l = fieldSource.line(line);
                int i = on.endColOffset() - l.startCol();
                while (i >= 0 && i < l.bytes().length && (l.bytes()[i] == ' ' || l.bytes()[i] == '\t' || l.bytes()[i] == '\f')) {
                    i++;
                }
                if (i < 0 || i > l.bytes().length || i < l.bytes().length && l.bytes()[i] != opener) {
                    throw new UnsupportedConstruct("a parenthesized expression over several lines in an f-string field (its 3.8 end)", p[0]);
                }
                shifted = i < l.bytes().length;
            }
        } else {
            shifted = true;
        }
        return shifted ? new int[] {p[0], p[1], p[2], p[3] + fieldSource.col()} : p;
    }

    /**
     * The start of a node in 3.6 and 3.7 (whose nodes take the position of a token of the concrete
     * tree, not always the first): a comprehension in brackets, a generator expression and a
     * parenthesized tuple start after their opening bracket; a call, attribute or subscript where
     * the expression it applies to does (a parenthesis before it left out); in a chain of binary
     * operators of one precedence ({@code a + b - c}), each operation after the first at its operator;
     * a decorated definition at its first '@' (3.6's argument-less decorator call too); 3.6's other async
     * statements after their 'async', and its elif at its test; anything starting
     * with a string token over several lines at that token's last line, column -1.
     */
    private int[] startBefore38(Ast.Located n, Object parent, String field, int[] p) {
        if (inField > 0) {
            return startInField(n, parent, p);
        }
        if (n instanceof Ast.ListComp || n instanceof Ast.GeneratorExp) {
            int open = tokenAt(p[0], p[1]);
            TokenKind k = tokens.get(open).kind();
            if (k == TokenKind.LSQB || k == TokenKind.LPAR) {
                return tokenPosition(tokens.get(open + 1));
            }
        } else if (n instanceof Ast.TupleExpr t && !t.elts().isEmpty()) {
            int open = tokenAt(p[0], p[1]);
            if (tokens.get(open).kind() == TokenKind.LPAR) {
                int close = closing(open);
                Token c = close < 0 ? null : tokens.get(close);
                if (c != null && c.endLine() == t.endLineno() && c.endCol() == t.endColOffset()) {
                    return tokenPosition(tokens.get(open + 1));
                }
            }
            if ("target".equals(field) && (parent instanceof Ast.For || parent instanceof Ast.AsyncFor
                    || parent instanceof Ast.Comprehension)) {
                // the loop's target list, unparenthesized, where its first target is
                return new int[] {t.elts().get(0).lineno(), t.elts().get(0).colOffset()};
            }
        } else if (n instanceof Ast.Call c) {
            if (target == PythonVersion.V3_6 && "decoratorList".equals(field) && c.args().isEmpty()
                    && c.keywords().isEmpty()) {
                return at(tokenAt(c.func().lineno(), c.func().colOffset()) - 1); // 3.6: @f() at its '@'
            }
            return new int[] {c.func().lineno(), c.func().colOffset()};
        } else if (n instanceof Ast.Attribute a) {
            return new int[] {a.value().lineno(), a.value().colOffset()};
        } else if (n instanceof Ast.Subscript s) {
            return new int[] {s.value().lineno(), s.value().colOffset()};
        } else if (n instanceof Ast.BinOp b && b.left() instanceof Ast.BinOp l && group(l.op()) == group(b.op())) {
            int op = tokenAfter(l.endLineno(), l.endColOffset());
            if (tokens.get(op).kind() != TokenKind.RPAR) {
                return at(op);
            }
        } else if (decorated(n)) {
            Ast.Expr d = decorators(n).get(0);
            while (!(d instanceof Ast.Name)) {
                d = d instanceof Ast.Call c ? c.func() : ((Ast.Attribute) d).value(); // a dotted name
            }
            return at(tokenAt(d.lineno(), d.colOffset()) - 1);
        } else if (target == PythonVersion.V3_6
                && (n instanceof Ast.AsyncFunctionDef || n instanceof Ast.AsyncFor || n instanceof Ast.AsyncWith)) {
            return at(tokenAt(p[0], p[1]) + 1); // 3.6: where the keyword after 'async' is
        } else if (n instanceof Ast.If && target == PythonVersion.V3_6 && tokens.get(tokenAt(p[0], p[1])).text().equals("elif")) {
            return at(tokenAt(p[0], p[1]) + 1); // 3.6: an elif where its test starts
        }
        return at(tokenAt(p[0], p[1]), p);
    }

    /**
     * Refuses the constructs {@link Parser311}'s grammar (3.11's) accepts and the target's LL(1)
     * grammar does not (a syntax error there, whose message is not reproduced): positional-only
     * parameters, starred values in return, yield and annotated assignments, and an annotated
     * assignment's tuple or yield value, before 3.8; before 3.9 decorators other than a dotted name
     * or a call of one, parenthesized context managers, a starred for-loop iterable, starred
     * subscripts and parameter annotations, unparenthesized := in subscripts and sets, except*.
     */
    private void check(Ast.Located n, Object parent, String field, int[] p) {
        boolean before38 = !target.atLeast(PythonVersion.V3_8);
        String what = null;
        if (n instanceof Ast.Return r && before38 && starredTuple(r.value())) {
            what = "an unparenthesized starred value in return (a 3.8 feature)";
        } else if ((n instanceof Ast.Yield y && before38 && starredTuple(y.value()))) {
            what = "an unparenthesized starred value in yield (a 3.8 feature)";
        } else if (n instanceof Ast.AnnAssign a && before38 && a.value() != null
                && (a.value() instanceof Ast.Yield || a.value() instanceof Ast.TupleExpr t && !parenthesized(t))) {
            what = "a tuple or yield value in an annotated assignment (a 3.8 feature)";
        } else if (before38 && (n instanceof Ast.FunctionDef f && !f.args().posonlyargs().isEmpty()
                || n instanceof Ast.AsyncFunctionDef af && !af.args().posonlyargs().isEmpty()
                || n instanceof Ast.Lambda l && !l.args().posonlyargs().isEmpty())) {
            what = "positional-only parameters (a 3.8 feature)";
        } else if (n instanceof Ast.Arg a && a.annotation() instanceof Ast.Starred) {
            what = "a starred parameter annotation (a 3.11 feature)";
        } else if (n instanceof Ast.For f && starredTuple(f.iter()) || n instanceof Ast.AsyncFor af && starredTuple(af.iter())) {
            what = "a starred for-loop iterable (a 3.9 feature)";
        } else if (n instanceof Ast.Subscript s && (s.slice() instanceof Ast.Starred
                || s.slice() instanceof Ast.TupleExpr t && !parenthesized(t) && t.elts().stream().anyMatch(
                        e -> e instanceof Ast.Starred || e instanceof Ast.NamedExpr x && !parenthesizedAt(x)))) {
            what = "a starred or := subscript (a later feature)";
        } else if (n instanceof Ast.Subscript s && s.slice() instanceof Ast.NamedExpr x && !parenthesizedAt(x)) {
            what = "an unparenthesized := subscript (a 3.10 feature)";
        } else if (n instanceof Ast.SetExpr set && set.elts().stream().anyMatch(
                e -> e instanceof Ast.NamedExpr x && !parenthesizedAt(x))) {
            what = "an unparenthesized := in a set (a 3.10 feature)";
        } else if (n instanceof Ast.TryStar) {
            what = "except* (a 3.11 feature)";
        } else if (n instanceof Ast.With w && parenthesizedItems(p, w.items())
                || n instanceof Ast.AsyncWith aw && parenthesizedItems(p, aw.items())) {
            what = "parenthesized context managers (a 3.9 feature)";
        } else if (decorated(n)) {
            for (Ast.Expr d : decorators(n)) {
                if (!dottedCall(d)) {
                    what = "this decorator (only a dotted name or its call before 3.9)";
                }
            }
        }
        if (what != null) {
            throw new UnsupportedConstruct(what, p[0]);
        }
    }

    /**
     * Inside an f-string field (whose tokens this pass does not have): a node that may be a construct
     * of our grammar the target's lacks: positional-only lambda parameters before 3.8, := in a set
     * or a subscript, a starred subscript. Whether it is (and its error) the field's own source tells.
     */
    private boolean lacksInField(Ast.Located n) {
        if (n instanceof Ast.Lambda l) {
            return !target.atLeast(PythonVersion.V3_8) && !l.args().posonlyargs().isEmpty();
        } else if (n instanceof Ast.SetExpr set) {
            return set.elts().stream().anyMatch(e -> e instanceof Ast.NamedExpr);
        } else if (n instanceof Ast.Subscript s) {
            return s.slice() instanceof Ast.NamedExpr || s.slice() instanceof Ast.Starred
                    || s.slice() instanceof Ast.TupleExpr t && t.elts().stream().anyMatch(
                            e -> e instanceof Ast.Starred || e instanceof Ast.NamedExpr);
        }
        return false;
    }

    /**
     * The LL(1) parser's error for the field's source ({@link FieldErrors36}), if it rejects it: raised
     * when no {@code ast.c} error was met before (else refused: which comes first is not known here).
     */
    private void fieldError(int[] p) {
        io.github.pycompile.PythonError e = FieldErrors36.of(fieldSource.parenthesized(), target);
        if (e != null) {
            if (astErrorKept) {
                throw new UnsupportedConstruct("a construct the target lacks in an f-string field, and an ast.c error", p[0]);
            }
            throw new FieldErrors36.Failure(e);
        }
    }

    private boolean starredTuple(Ast.Expr e) {
        return e instanceof Ast.TupleExpr t && !parenthesized(t) && t.elts().stream().anyMatch(x -> x instanceof Ast.Starred);
    }

    /** True if the tuple is written in parentheses (its span is theirs). */
    private boolean parenthesized(Ast.TupleExpr t) {
        int open = tokenAt(t.lineno(), t.colOffset());
        if (open >= tokens.size() || tokens.get(open).kind() != TokenKind.LPAR) {
            return false;
        }
        int close = closing(open);
        return close >= 0 && tokens.get(close).endLine() == t.endLineno() && tokens.get(close).endCol() == t.endColOffset();
    }

    /** True if a '(' stands right before the expression. */
    private boolean parenthesizedAt(Ast.Expr e) {
        int i = tokenAt(e.lineno(), e.colOffset());
        return i > 0 && tokens.get(i - 1).kind() == TokenKind.LPAR;
    }

    /** {@code with (a, b):} or {@code with (a as b):} (the parentheses holding the items up to the ':'). */
    private boolean parenthesizedItems(int[] p, List<Ast.WithItem> items) {
        int i = tokenAt(p[0], p[1]);
        if (tokens.get(i).text().equals("async")) {
            i++;
        }
        i++; // 'with'
        if (i >= tokens.size() || tokens.get(i).kind() != TokenKind.LPAR) {
            return false;
        }
        int close = closing(i);
        return close >= 0 && close + 1 < tokens.size() && tokens.get(close + 1).kind() == TokenKind.COLON
                && (items.size() > 1 || items.get(0).optionalVars() != null
                        || tokens.get(close - 1).kind() == TokenKind.COMMA);
    }

    /** A decorator of the LL(1) grammar: {@code @a.b.c} or {@code @a.b.c(...)}, no parentheses around. */
    private boolean dottedCall(Ast.Expr d) {
        Ast.Expr e = d instanceof Ast.Call c ? c.func() : d;
        while (e instanceof Ast.Attribute a) {
            e = a.value();
        }
        if (!(e instanceof Ast.Name name)) {
            return false;
        }
        int i = tokenAt(name.lineno(), name.colOffset());
        return i > 0 && tokens.get(i - 1).kind() == TokenKind.AT;
    }

    /** The position 3.6/3.7 give the token at {@code index}. */
    private int[] at(int index) {
        return tokenPosition(tokens.get(index));
    }

    /** {@code p}, or where 3.6/3.7 put a string token over several lines if that token starts there. */
    private int[] at(int index, int[] p) {
        Token t = index < tokens.size() ? tokens.get(index) : null;
        if (t != null && t.startLine() == p[0] && t.startCol() == p[1]) {
            return tokenPosition(t);
        }
        return p;
    }

    /**
     * Inside an f-string field, whose tokens this pass does not have: the rules that need none apply;
     * the nodes whose 3.6/3.7 start is a token found from the field's text (a bracketed comprehension
     * or generator expression, the field's own tuple, a chain of binary operators) are placed when
     * the field lies in a string token on one line, refused otherwise.
     */
    private int[] startInField(Ast.Located n, Object parent, int[] p) {
        if (n instanceof Ast.Call c) {
            return new int[] {c.func().lineno(), c.func().colOffset()};
        } else if (n instanceof Ast.Attribute a) {
            return new int[] {a.value().lineno(), a.value().colOffset()};
        } else if (n instanceof Ast.Subscript s) {
            return new int[] {s.value().lineno(), s.value().colOffset()};
        } else if (n instanceof Ast.ListComp || n instanceof Ast.GeneratorExp || n instanceof Ast.TupleExpr) {
            // Parser311 starts these at their bracket (the field's own tuple at the '{' or its '('):
            // 3.6/3.7 at the token after it
            int[] overLines = fieldSource == null ? null : bracketStartInField(n, parent, p);
            if (overLines != null) {
                return overLines;
            }
            FieldText f = fieldText(p[0], p[1]);
            if (f != null && n instanceof Ast.TupleExpr t && parent instanceof Ast.Comprehension
                    && f.at(p[1]) != '(' && !t.elts().isEmpty()) {
                return new int[] {t.elts().get(0).lineno(), t.elts().get(0).colOffset()}; // a bare loop target
            }
            if (f != null && n instanceof Ast.TupleExpr t && !(parent instanceof Ast.FormattedValue)
                    && (t.endLineno() != p[0] || f.closing(p[1]) != t.endColOffset() - 1)) {
                f = null; // deeper in the field only a tuple in its own parentheses
            }
            byte c = f == null ? 0 : f.at(p[1]);
            if (c == '[' && n instanceof Ast.ListComp || c == '(' || c == '{' && n instanceof Ast.TupleExpr) {
                int next = f.skipSpaces(p[1] + 1);
                if (next >= 0) {
                    return new int[] {p[0], next};
                }
            }
        } else if (n instanceof Ast.BinOp b && b.left() instanceof Ast.BinOp l && group(l.op()) == group(b.op())) {
            // each operation after the first at its operator, unless the left one is parenthesized
            // (a field's own text known: the operator may stand on a later line of it)
            FieldText f = l.endLineno() == p[0] ? fieldText(p[0], p[1])
                    : fieldSource != null ? fieldText(l.endLineno(), l.endColOffset()) : null;
            int op = f == null ? -1 : f.skipSpaces(l.endColOffset());
            if (op >= 0) {
                return f.at(op) == ')' ? p : new int[] {l.endLineno(), op};
            }
        } else if (n instanceof Ast.JoinedStr || n instanceof Ast.Constant) {
            return at(tokenAt(p[0], p[1]), p); // a format spec's pieces, at the atom's start
        } else {
            return p;
        }
        throw new UnsupportedConstruct("this expression in an f-string field (its 3.6/3.7 position)", p[0]);
    }

    /**
     * {@link #startInField}'s rule for a bracketed comprehension, generator expression or tuple, read
     * from the field's own source, whose brackets and next token may be on later lines; null where
     * it does not decide.
     */
    private int[] bracketStartInField(Ast.Located n, Object parent, int[] p) {
        FieldSources.Line l = fieldSource.line(p[0]);
        int i = l == null ? -1 : p[1] - l.startCol();
        if (i < 0 || i >= l.bytes().length) {
            return null;
        }
        byte c = l.bytes()[i];
        if (n instanceof Ast.TupleExpr t && parent instanceof Ast.Comprehension && c != '(' && !t.elts().isEmpty()) {
            return new int[] {t.elts().get(0).lineno(), t.elts().get(0).colOffset()}; // a bare loop target
        }
        if (n instanceof Ast.TupleExpr t && !(parent instanceof Ast.FormattedValue)) {
            int[] close = fieldSource.closing(p[0], p[1]);
            if (close == null || close[0] != t.endLineno() || close[1] != t.endColOffset() - 1) {
                return null; // deeper in the field only a tuple in its own parentheses
            }
        }
        if (c == '[' && n instanceof Ast.ListComp || c == '(') {
            return fieldSource.skipBlanks(p[0], p[1] + 1);
        }
        return null;
    }

    /**
     * The source of the string token on one line that holds (line, col), as UTF-8 bytes from its
     * first column; null when the position is in no such token.
     */
    private FieldText fieldText(int line, int col) {
        if (fieldSource != null) {
            // the field's own text, where the parser laid it (not necessarily over its own string)
            FieldSources.Line l = fieldSource.line(line);
            return l == null || col < l.startCol() ? null : new FieldText(l.bytes(), l.startCol());
        }
        int i = Math.min(tokenAt(line, col), tokens.size()) - 1;
        while (i >= 0 && (tokens.get(i).startCol() < 0 || tokens.get(i).startLine() > line
                || tokens.get(i).startLine() == line && tokens.get(i).startCol() >= col)) {
            i--; // back over the layout tokens and ENDMARKER, which have no column
        }
        if (i < 0) {
            return null;
        }
        Token t = tokens.get(i);
        if (t.kind() != TokenKind.STRING || t.startLine() != line || t.endLine() != line || col <= t.startCol()
                || col >= t.endCol()) {
            return null;
        }
        return new FieldText(t.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), t.startCol());
    }

    /** A one-line string token's bytes; columns are the line's (UTF-8 byte offsets). */
    private record FieldText(byte[] bytes, int startCol) {
        byte at(int col) {
            int i = col - startCol;
            return i >= 0 && i < bytes.length ? bytes[i] : 0;
        }

        /**
         * The column of the bracket closing the one at {@code col}; -1 if it is not found or a quote
         * comes first (a string inside is not scanned).
         */
        int closing(int col) {
            int depth = 0;
            for (int i = col - startCol; i >= 0 && i < bytes.length; i++) {
                byte b = bytes[i];
                if (b == '\'' || b == '"') {
                    return -1;
                } else if (b == '(' || b == '[' || b == '{') {
                    depth++;
                } else if ((b == ')' || b == ']' || b == '}') && --depth == 0) {
                    return startCol + i;
                }
            }
            return -1;
        }

        /** The column of the first byte at or after {@code col} that is not a space, tab or form feed; -1 if none. */
        int skipSpaces(int col) {
            for (int i = col - startCol; i >= 0 && i < bytes.length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\f') {
                    return startCol + i;
                }
            }
            return -1;
        }
    }

    /** Binary operators of one precedence level share a group (CPython's grammar rule for them). */
    private static int group(Ast.Operator op) {
        return switch (op) {
            case Add, Sub -> 1;
            case Mult, Div, FloorDiv, Mod, MatMult -> 2;
            case LShift, RShift -> 3;
            case BitAnd -> 4;
            case BitXor -> 5;
            case BitOr -> 6;
            case Pow -> 7;
        };
    }

    private static boolean decorated(Ast.Located n) {
        List<Ast.Expr> d = decorators(n);
        return d != null && !d.isEmpty();
    }

    private static List<Ast.Expr> decorators(Ast.Located n) {
        if (n instanceof Ast.FunctionDef f) {
            return f.decoratorList();
        } else if (n instanceof Ast.AsyncFunctionDef f) {
            return f.decoratorList();
        } else if (n instanceof Ast.ClassDef c) {
            return c.decoratorList();
        }
        return null;
    }

    /** The statements that end a compound statement (its last non-empty block), or null for other nodes. */
    private static List<Ast.Stmt> lastBlock(Ast.Located n) {
        if (n instanceof Ast.FunctionDef f) {
            return f.body();
        } else if (n instanceof Ast.AsyncFunctionDef f) {
            return f.body();
        } else if (n instanceof Ast.ClassDef c) {
            return c.body();
        } else if (n instanceof Ast.If i) {
            return i.orelse().isEmpty() ? i.body() : i.orelse();
        } else if (n instanceof Ast.For f) {
            return f.orelse().isEmpty() ? f.body() : f.orelse();
        } else if (n instanceof Ast.AsyncFor f) {
            return f.orelse().isEmpty() ? f.body() : f.orelse();
        } else if (n instanceof Ast.While w) {
            return w.orelse().isEmpty() ? w.body() : w.orelse();
        } else if (n instanceof Ast.With w) {
            return w.body();
        } else if (n instanceof Ast.AsyncWith w) {
            return w.body();
        } else if (n instanceof Ast.ExceptHandler h) {
            return h.body();
        } else if (n instanceof Ast.Try t) {
            if (!t.finalbody().isEmpty()) {
                return t.finalbody();
            }
            if (!t.orelse().isEmpty()) {
                return t.orelse();
            }
            if (!t.handlers().isEmpty()) {
                return t.handlers().get(t.handlers().size() - 1).body();
            }
            return t.body();
        }
        return null;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
