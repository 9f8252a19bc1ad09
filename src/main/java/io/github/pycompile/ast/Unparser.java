package io.github.pycompile.ast;

import io.github.pycompile.PyRepr;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.marshal.PyObject;
import java.util.List;

/**
 * The text CPython's compiler stores for an annotation under {@code from __future__ import
 * annotations} (its C unparser, not {@code ast.unparse}): canonical spacing, parentheses only where
 * precedence needs them, strings and numbers by their {@code repr}, infinities as {@code 1e309}.
 * This is the 3.7–3.11 form: f-strings are rebuilt and quoted as one string.
 */
public final class Unparser {
    // precedence levels, loosest first
    private static final int TUPLE = 0;
    private static final int TEST = 1;
    private static final int OR = 2;
    private static final int AND = 3;
    private static final int NOT = 4;
    private static final int CMP = 5;
    private static final int EXPR = 6;
    private static final int BOR = EXPR;
    private static final int BXOR = 7;
    private static final int BAND = 8;
    private static final int SHIFT = 9;
    private static final int ARITH = 10;
    private static final int TERM = 11;
    private static final int FACTOR = 12;
    private static final int POWER = 13;
    private static final int AWAIT = 14;
    private static final int ATOM = 15;

    private final StringBuilder out = new StringBuilder();

    private Unparser() {}

    /** The annotation string of {@code e}. */
    public static String annotation(Expr e) {
        Unparser u = new Unparser();
        u.expr(e, TEST);
        return u.out.toString();
    }

    private static String text(Expr e, int level) {
        Unparser u = new Unparser();
        u.expr(e, level);
        return u.out.toString();
    }

    private void open(boolean paren) {
        if (paren) {
            out.append('(');
        }
    }

    private void close(boolean paren) {
        if (paren) {
            out.append(')');
        }
    }

    private void expr(Expr e, int level) {
        if (e instanceof Ast.BoolOp b) {
            int pr = b.op() == Ast.BoolOperator.And ? AND : OR;
            open(level > pr);
            for (int i = 0; i < b.values().size(); i++) {
                if (i > 0) {
                    out.append(pr == AND ? " and " : " or ");
                }
                expr(b.values().get(i), pr + 1);
            }
            close(level > pr);
        } else if (e instanceof Ast.BinOp b) {
            int pr;
            String op;
            switch (b.op()) {
                case Add -> { op = " + "; pr = ARITH; }
                case Sub -> { op = " - "; pr = ARITH; }
                case Mult -> { op = " * "; pr = TERM; }
                case MatMult -> { op = " @ "; pr = TERM; }
                case Div -> { op = " / "; pr = TERM; }
                case Mod -> { op = " % "; pr = TERM; }
                case FloorDiv -> { op = " // "; pr = TERM; }
                case LShift -> { op = " << "; pr = SHIFT; }
                case RShift -> { op = " >> "; pr = SHIFT; }
                case BitOr -> { op = " | "; pr = BOR; }
                case BitXor -> { op = " ^ "; pr = BXOR; }
                case BitAnd -> { op = " & "; pr = BAND; }
                default -> { op = " ** "; pr = POWER; }
            }
            int rassoc = b.op() == Ast.Operator.Pow ? 1 : 0;
            open(level > pr);
            expr(b.left(), pr + rassoc);
            out.append(op);
            expr(b.right(), pr + 1 - rassoc);
            close(level > pr);
        } else if (e instanceof Ast.UnaryOp u) {
            int pr = u.op() == Ast.UnaryOperator.Not ? NOT : FACTOR;
            open(level > pr);
            out.append(switch (u.op()) {
                case Invert -> "~";
                case Not -> "not ";
                case UAdd -> "+";
                case USub -> "-";
            });
            expr(u.operand(), pr);
            close(level > pr);
        } else if (e instanceof Ast.Lambda l) {
            open(level > TEST);
            int positional = l.args().args().size() + l.args().posonlyargs().size();
            out.append(positional > 0 ? "lambda " : "lambda");
            arguments(l.args());
            out.append(": ");
            expr(l.body(), TEST);
            close(level > TEST);
        } else if (e instanceof Ast.IfExp i) {
            open(level > TEST);
            expr(i.body(), TEST + 1);
            out.append(" if ");
            expr(i.test(), TEST + 1);
            out.append(" else ");
            expr(i.orelse(), TEST);
            close(level > TEST);
        } else if (e instanceof Ast.DictExpr d) {
            out.append('{');
            for (int i = 0; i < d.values().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                Expr k = d.keys().get(i);
                if (k != null) {
                    expr(k, TEST);
                    out.append(": ");
                    expr(d.values().get(i), TEST);
                } else {
                    out.append("**");
                    expr(d.values().get(i), EXPR);
                }
            }
            out.append('}');
        } else if (e instanceof Ast.SetExpr s) {
            out.append('{');
            elements(s.elts());
            out.append('}');
        } else if (e instanceof Ast.GeneratorExp g) {
            out.append('(');
            expr(g.elt(), TEST);
            comprehensions(g.generators());
            out.append(')');
        } else if (e instanceof Ast.ListComp g) {
            out.append('[');
            expr(g.elt(), TEST);
            comprehensions(g.generators());
            out.append(']');
        } else if (e instanceof Ast.SetComp g) {
            out.append('{');
            expr(g.elt(), TEST);
            comprehensions(g.generators());
            out.append('}');
        } else if (e instanceof Ast.DictComp g) {
            out.append('{');
            expr(g.key(), TEST);
            out.append(": ");
            expr(g.value(), TEST);
            comprehensions(g.generators());
            out.append('}');
        } else if (e instanceof Ast.Await a) {
            open(level > AWAIT);
            out.append("await ");
            expr(a.value(), ATOM);
            close(level > AWAIT);
        } else if (e instanceof Ast.Yield y) {
            if (y.value() == null) {
                out.append("(yield)");
            } else {
                out.append("(yield ");
                expr(y.value(), TEST);
                out.append(')');
            }
        } else if (e instanceof Ast.YieldFrom y) {
            out.append("(yield from ");
            expr(y.value(), TEST);
            out.append(')');
        } else if (e instanceof Ast.Compare c) {
            open(level > CMP);
            expr(c.left(), CMP + 1);
            for (int i = 0; i < c.ops().size(); i++) {
                out.append(switch (c.ops().get(i)) {
                    case Eq -> " == ";
                    case NotEq -> " != ";
                    case Lt -> " < ";
                    case LtE -> " <= ";
                    case Gt -> " > ";
                    case GtE -> " >= ";
                    case Is -> " is ";
                    case IsNot -> " is not ";
                    case In -> " in ";
                    case NotIn -> " not in ";
                });
                expr(c.comparators().get(i), CMP + 1);
            }
            close(level > CMP);
        } else if (e instanceof Ast.Call c) {
            expr(c.func(), ATOM);
            if (c.args().size() == 1 && c.keywords().isEmpty() && c.args().get(0) instanceof Ast.GeneratorExp g) {
                expr(g, TEST);
                return;
            }
            out.append('(');
            boolean first = true;
            for (Expr a : c.args()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                expr(a, TEST);
            }
            for (Ast.Keyword k : c.keywords()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                if (k.arg() == null) {
                    out.append("**");
                } else {
                    out.append(k.arg()).append('=');
                }
                expr(k.value(), TEST);
            }
            out.append(')');
        } else if (e instanceof Ast.Constant c) {
            if (c.value() == PyObject.Singleton.ELLIPSIS) {
                out.append("...");
                return;
            }
            if ("u".equals(c.kind())) {
                out.append('u');
            }
            out.append(repr(c.value()));
        } else if (e instanceof Ast.JoinedStr j) {
            joinedStr(j, false);
        } else if (e instanceof Ast.FormattedValue f) {
            formattedValue(f);
        } else if (e instanceof Ast.Attribute a) {
            expr(a.value(), ATOM);
            boolean intValue = a.value() instanceof Ast.Constant k && k.value() instanceof PyObject.Int;
            out.append(intValue ? " ." : ".").append(a.attr());
        } else if (e instanceof Ast.Subscript s) {
            expr(s.value(), ATOM);
            out.append('[');
            expr(s.slice(), TUPLE);
            out.append(']');
        } else if (e instanceof Ast.Starred s) {
            out.append('*');
            expr(s.value(), EXPR);
        } else if (e instanceof Ast.Name n) {
            out.append(n.id());
        } else if (e instanceof Ast.ListExpr l) {
            out.append('[');
            elements(l.elts());
            out.append(']');
        } else if (e instanceof Ast.TupleExpr t) {
            if (t.elts().isEmpty()) {
                out.append("()");
                return;
            }
            open(level > TUPLE);
            elements(t.elts());
            if (t.elts().size() == 1) {
                out.append(',');
            }
            close(level > TUPLE);
        } else if (e instanceof Ast.NamedExpr n) {
            open(level > TUPLE);
            expr(n.target(), ATOM);
            out.append(" := ");
            expr(n.value(), ATOM);
            close(level > TUPLE);
        } else if (e instanceof Ast.Slice s) {
            if (s.lower() != null) {
                expr(s.lower(), TEST);
            }
            out.append(':');
            if (s.upper() != null) {
                expr(s.upper(), TEST);
            }
            if (s.step() != null) {
                out.append(':');
                expr(s.step(), TEST);
            }
        } else {
            throw new IllegalArgumentException("no unparse rule for " + e.getClass().getSimpleName());
        }
    }

    private void elements(List<Expr> elts) {
        for (int i = 0; i < elts.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(elts.get(i), TEST);
        }
    }

    private void comprehensions(List<Ast.Comprehension> gens) {
        for (Ast.Comprehension g : gens) {
            out.append(g.isAsync() != 0 ? " async for " : " for ");
            expr(g.target(), TUPLE);
            out.append(" in ");
            expr(g.iter(), TEST + 1);
            for (Expr i : g.ifs()) {
                out.append(" if ");
                expr(i, TEST + 1);
            }
        }
    }

    private void arguments(Ast.Arguments a) {
        boolean first = true;
        int posonly = a.posonlyargs().size();
        int positional = posonly + a.args().size();
        int defaults = a.defaults().size();
        for (int i = 0; i < positional; i++) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            arg(i < posonly ? a.posonlyargs().get(i) : a.args().get(i - posonly));
            int di = i - positional + defaults;
            if (di >= 0) {
                out.append('=');
                expr(a.defaults().get(di), TEST);
            }
            if (posonly > 0 && i + 1 == posonly) {
                out.append(", /");
            }
        }
        if (a.vararg() != null || !a.kwonlyargs().isEmpty()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append('*');
            if (a.vararg() != null) {
                arg(a.vararg());
            }
        }
        int kwonly = a.kwonlyargs().size();
        int kwDefaults = a.kwDefaults().size();
        for (int i = 0; i < kwonly; i++) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            arg(a.kwonlyargs().get(i));
            int di = i - kwonly + kwDefaults;
            if (di >= 0 && a.kwDefaults().get(di) != null) {
                out.append('=');
                expr(a.kwDefaults().get(di), TEST);
            }
        }
        if (a.kwarg() != null) {
            if (!first) {
                out.append(", ");
            }
            out.append("**");
            arg(a.kwarg());
        }
    }

    private void arg(Ast.Arg a) {
        out.append(a.arg());
        if (a.annotation() != null) {
            out.append(": ");
            expr(a.annotation(), TEST);
        }
    }

    // ------------------------------------------------------------------ f-strings

    private void joinedStr(Ast.JoinedStr j, boolean formatSpec) {
        StringBuilder body = new StringBuilder();
        for (Expr v : j.values()) {
            fstringElement(body, v);
        }
        if (formatSpec) {
            out.append(body);
        } else {
            out.append('f').append(PyRepr.str(body.toString()));
        }
    }

    private static void fstringElement(StringBuilder body, Expr v) {
        if (v instanceof Ast.Constant c && c.value() instanceof PyObject.Str s) {
            body.append(s.value().replace("{", "{{").replace("}", "}}"));
        } else if (v instanceof Ast.JoinedStr j) {
            Unparser u = new Unparser();
            u.joinedStr(j, true);
            body.append(u.out);
        } else if (v instanceof Ast.FormattedValue f) {
            Unparser u = new Unparser();
            u.formattedValue(f);
            body.append(u.out);
        } else {
            throw new IllegalArgumentException("unexpected f-string element " + v.getClass().getSimpleName());
        }
    }

    private void formattedValue(Ast.FormattedValue f) {
        String inner = text(f.value(), TEST + 1);
        out.append(inner.startsWith("{") ? "{ " : "{").append(inner);
        if (f.conversion() > 0) {
            out.append('!').append((char) f.conversion());
        }
        if (f.formatSpec() != null) {
            out.append(':');
            if (f.formatSpec() instanceof Ast.JoinedStr spec) {
                joinedStr(spec, true);
            } else {
                fstringElement(out, f.formatSpec());
            }
        }
        out.append('}');
    }

    // ------------------------------------------------------------------ constants

    private static String repr(PyObject v) {
        if (v instanceof PyObject.Str s) {
            return PyRepr.str(s.value());
        }
        if (v instanceof PyObject.Bytes b) {
            return PyRepr.bytes(b.value());
        }
        if (v instanceof PyObject.Int i) {
            return i.value().toString();
        }
        if (v instanceof PyObject.Float f) {
            return PyRepr.floatRepr(Double.longBitsToDouble(f.bits())).replace("inf", "1e309");
        }
        if (v instanceof PyObject.Complex c) {
            return PyRepr.complexRepr(Double.longBitsToDouble(c.realBits()), Double.longBitsToDouble(c.imagBits()))
                    .replace("inf", "1e309");
        }
        if (v == PyObject.Singleton.TRUE) {
            return "True";
        }
        if (v == PyObject.Singleton.FALSE) {
            return "False";
        }
        if (v == PyObject.Singleton.NONE) {
            return "None";
        }
        if (v instanceof PyObject.Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(t.items().get(i)));
            }
            return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
        }
        throw new IllegalArgumentException("no repr for " + v);
    }
}
