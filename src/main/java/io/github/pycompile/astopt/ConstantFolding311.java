package io.github.pycompile.astopt;

import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.AstRewriter;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython 3.11's AST optimiser ({@code Python/ast_opt.c}), the part this compiler reproduces exactly:
 * {@code __debug__}, unary operators on constants (and {@code not} folded into {@code is}/{@code in}
 * comparisons), binary operators on ints, floats, complex numbers ({@link PyNumbers}), strs, bytes
 * and tuples within 3.11's size limits, tuples of constants, subscripts of constant sequences,
 * %-formatting into f-strings, and the list/set literals of {@code in} tests and {@code for} loops
 * turned into tuples and frozensets. Children are folded before their parent, as ast_opt does;
 * the walk is {@link AstRewriter}'s (unchanged subtrees are shared, not rebuilt).
 */
public final class ConstantFolding311 extends AstRewriter {
    private static final int MAX_INT_SIZE = 128;
    private static final int MAX_COLLECTION_SIZE = 256;
    private static final int MAX_STR_SIZE = 4096;
    private static final int MAX_TOTAL_ITEMS = 1024;

    private final int optimize;
    private final PythonVersion target;
    private final boolean stringAnnotations;

    private ConstantFolding311(int optimize, PythonVersion target, boolean stringAnnotations) {
        this.optimize = optimize;
        this.target = target;
        this.stringAnnotations = stringAnnotations;
    }

    /**
     * The optimised tree (unchanged nodes are shared with the input). Under {@code from __future__
     * import annotations} ({@code stringAnnotations}) annotations are left as written.
     */
    public static Ast.ModuleNode optimize(Ast.ModuleNode module, int optimize, PythonVersion target,
            boolean stringAnnotations) throws UnsupportedFeatureException {
        ConstantFolding311 f = new ConstantFolding311(optimize, target, stringAnnotations);
        try {
            boolean docBefore = isDocstring(module.body());
            Ast.ModuleNode out = f.visitModuleNode(module);
            if (!docBefore && isDocstring(out.body())) {
                throw new UnsupportedConstruct("a folded constant string as the first statement", out.body().get(0).lineno());
            }
            return out;
        } catch (UnsupportedConstruct r) {
            throw r.toException(target);
        }
    }

    private static boolean isDocstring(List<Ast.Stmt> body) {
        return !body.isEmpty() && body.get(0) instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant c
                && c.value() instanceof PyObject.Str;
    }

    // ------------------------------------------------------------------ walk

    /** Every expression: its children first, then the expression itself. */
    @Override
    public Expr expr(Expr n) {
        return n == null ? null : fold(n.accept(this));
    }

    /** Annotations are left as written under {@code from __future__ import annotations}. */
    @Override
    public Expr annotation(Expr n) {
        return stringAnnotations ? n : expr(n);
    }

    @Override
    public Ast.For visitFor(Ast.For n) {
        Ast.For f = super.visitFor(n);
        Expr iter = foldIter(f.iter());
        return iter == f.iter() ? f : new Ast.For(f.target(), iter, f.body(), f.orelse(), f.typeComment(), f.lineno(),
                f.colOffset(), f.endLineno(), f.endColOffset());
    }

    @Override
    public Ast.AsyncFor visitAsyncFor(Ast.AsyncFor n) {
        Ast.AsyncFor f = super.visitAsyncFor(n);
        Expr iter = foldIter(f.iter());
        return iter == f.iter() ? f : new Ast.AsyncFor(f.target(), iter, f.body(), f.orelse(), f.typeComment(),
                f.lineno(), f.colOffset(), f.endLineno(), f.endColOffset());
    }

    @Override
    public Ast.Comprehension visitComprehension(Ast.Comprehension n) {
        Ast.Comprehension c = super.visitComprehension(n);
        Expr iter = foldIter(c.iter());
        return iter == c.iter() ? c : new Ast.Comprehension(c.target(), iter, c.ifs(), c.isAsync());
    }

    // ------------------------------------------------------------------ folding

    private static Ast.Constant constant(PyObject v, Expr at) {
        return new Ast.Constant(v, null, at.lineno(), at.colOffset(), at.endLineno(), at.endColOffset());
    }

    private Expr fold(Expr e) {
        if (e instanceof Ast.Name n) {
            if (n.ctx() == Ast.ExprContext.Load && n.id().equals("__debug__")) {
                return constant(optimize == 0 ? PyObject.Singleton.TRUE : PyObject.Singleton.FALSE, n);
            }
            return e;
        }
        if (e instanceof Ast.UnaryOp u) {
            return foldUnary(u);
        }
        if (e instanceof Ast.BinOp b) {
            return foldBinary(b);
        }
        if (e instanceof Ast.TupleExpr t) {
            if (t.ctx() != Ast.ExprContext.Load) {
                return e;
            }
            PyObject tuple = constTuple(t.elts());
            return tuple == null ? e : constant(tuple, t);
        }
        if (e instanceof Ast.Subscript s) {
            if (s.ctx() == Ast.ExprContext.Load && s.value() instanceof Ast.Constant c && s.slice() instanceof Ast.Constant i) {
                PyObject v = subscript(c.value(), i.value());
                if (v != null) {
                    return constant(v, s);
                }
            }
            return e;
        }
        if (e instanceof Ast.Compare c) {
            int n = c.ops().size();
            Ast.CmpOperator last = c.ops().get(n - 1);
            if (last == Ast.CmpOperator.In || last == Ast.CmpOperator.NotIn) {
                Expr it = c.comparators().get(n - 1);
                Expr folded = foldIter(it);
                if (folded != it) {
                    List<Expr> comps = new ArrayList<>(c.comparators());
                    comps.set(n - 1, folded);
                    return new Ast.Compare(c.left(), c.ops(), comps, c.lineno(), c.colOffset(), c.endLineno(),
                            c.endColOffset());
                }
            }
            return e;
        }
        return e;
    }

    private static PyObject constTuple(List<Expr> elts) {
        List<PyObject> items = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            if (!(x instanceof Ast.Constant c)) {
                return null;
            }
            items.add(c.value());
        }
        return new PyObject.Tuple(items);
    }

    /** {@code fold_iter}: a list literal becomes a tuple (constant if it can), a constant set a frozenset. */
    private Expr foldIter(Expr it) {
        if (it instanceof Ast.ListExpr l) {
            for (Expr x : l.elts()) {
                if (x instanceof Ast.Starred) {
                    return it;
                }
            }
            PyObject t = constTuple(l.elts());
            if (t != null) {
                return constant(t, l);
            }
            return new Ast.TupleExpr(l.elts(), l.ctx(), l.lineno(), l.colOffset(), l.endLineno(), l.endColOffset());
        }
        if (it instanceof Ast.SetExpr s) {
            PyObject t = constTuple(s.elts());
            if (t != null) {
                return constant(PyObject.PySet.frozenOf(((PyObject.Tuple) t).items()), s);
            }
        }
        return it;
    }

    private Expr foldUnary(Ast.UnaryOp u) {
        if (!(u.operand() instanceof Ast.Constant c)) {
            if (u.op() == Ast.UnaryOperator.Not && u.operand() instanceof Ast.Compare cmp && cmp.ops().size() == 1) {
                Ast.CmpOperator inv = switch (cmp.ops().get(0)) {
                    case Is -> Ast.CmpOperator.IsNot;
                    case IsNot -> Ast.CmpOperator.Is;
                    case In -> Ast.CmpOperator.NotIn;
                    case NotIn -> Ast.CmpOperator.In;
                    default -> null;
                };
                if (inv != null) {
                    // COPY_NODE: the comparison replaces the 'not', keeping its own location
                    return new Ast.Compare(cmp.left(), List.of(inv), cmp.comparators(), cmp.lineno(), cmp.colOffset(),
                            cmp.endLineno(), cmp.endColOffset());
                }
            }
            return u;
        }
        PyObject v = c.value();
        PyObject r;
        switch (u.op()) {
            case Not -> r = truth(v, u) ? PyObject.Singleton.FALSE : PyObject.Singleton.TRUE;
            case USub -> r = negate(v, u);
            case UAdd -> r = positive(v, u);
            case Invert -> r = invert(v);
            default -> r = null;
        }
        return r == null ? u : constant(r, u);
    }

    private static boolean truth(PyObject v, Ast.Located at) {
        if (v == PyObject.Singleton.NONE || v == PyObject.Singleton.FALSE) {
            return false;
        }
        if (v == PyObject.Singleton.TRUE || v == PyObject.Singleton.ELLIPSIS) {
            return true;
        }
        if (v instanceof PyObject.Int i) {
            return i.value().signum() != 0;
        }
        if (v instanceof PyObject.Float f) {
            return Double.longBitsToDouble(f.bits()) != 0.0;
        }
        if (v instanceof PyObject.Complex x) {
            return Double.longBitsToDouble(x.realBits()) != 0.0 || Double.longBitsToDouble(x.imagBits()) != 0.0;
        }
        if (v instanceof PyObject.Str s) {
            return !s.value().isEmpty();
        }
        if (v instanceof PyObject.Bytes b) {
            return b.value().length != 0;
        }
        if (v instanceof PyObject.Tuple t) {
            return !t.items().isEmpty();
        }
        if (v instanceof PyObject.PySet s) {
            return !s.items().isEmpty();
        }
        throw new UnsupportedConstruct("truth of this constant", at.lineno());
    }

    private static BigInteger asInt(PyObject v) {
        if (v instanceof PyObject.Int i) {
            return i.value();
        }
        if (v == PyObject.Singleton.TRUE) {
            return BigInteger.ONE;
        }
        if (v == PyObject.Singleton.FALSE) {
            return BigInteger.ZERO;
        }
        return null;
    }

    private static PyObject.Int intValue(BigInteger b) {
        return new PyObject.Int(b, false);
    }

    private static PyObject negate(PyObject v, Ast.Located at) {
        BigInteger i = asInt(v);
        if (i != null) {
            return intValue(i.negate());
        }
        if (v instanceof PyObject.Float f) {
            return new PyObject.Float(f.bits() ^ Long.MIN_VALUE);
        }
        if (v instanceof PyObject.Complex x) {
            return new PyObject.Complex(x.realBits() ^ Long.MIN_VALUE, x.imagBits() ^ Long.MIN_VALUE);
        }
        return null;
    }

    private static PyObject positive(PyObject v, Ast.Located at) {
        BigInteger i = asInt(v);
        if (i != null) {
            return intValue(i);
        }
        if (v instanceof PyObject.Float || v instanceof PyObject.Complex) {
            return v;
        }
        return null;
    }

    private static PyObject invert(PyObject v) {
        BigInteger i = asInt(v);
        return i == null ? null : intValue(i.not());
    }

    private static PyObject subscript(PyObject seq, PyObject index) {
        BigInteger i = asInt(index);
        if (i == null || i.bitLength() > 31) {
            return null;
        }
        int n = i.intValue();
        if (seq instanceof PyObject.Tuple t) {
            int len = t.items().size();
            int k = n < 0 ? n + len : n;
            return k >= 0 && k < len ? t.items().get(k) : null;
        }
        if (seq instanceof PyObject.Bytes b) {
            int len = b.value().length;
            int k = n < 0 ? n + len : n;
            return k >= 0 && k < len ? PyObject.Int.of(b.value()[k] & 0xff) : null;
        }
        if (seq instanceof PyObject.Str s && !s.lonePairs()) {
            int[] cps = s.value().codePoints().toArray();
            int k = n < 0 ? n + cps.length : n;
            return k >= 0 && k < cps.length ? new PyObject.Str(new String(cps, k, 1), false) : null;
        }
        return null;
    }

    private Expr foldBinary(Ast.BinOp b) {
        if (!(b.left() instanceof Ast.Constant lc)) {
            return b;
        }
        if (b.op() == Ast.Operator.Mod && b.right() instanceof Ast.TupleExpr t && lc.value() instanceof PyObject.Str) {
            for (Expr x : t.elts()) {
                if (x instanceof Ast.Starred) {
                    return b;
                }
            }
            if (((PyObject.Str) lc.value()).lonePairs()) {
                throw new UnsupportedConstruct("%-formatting of strings with lone surrogates", b.lineno());
            }
            Expr joined = optimizeFormat(b, ((PyObject.Str) lc.value()).value(), t.elts());
            return joined != null ? joined : b;
        }
        if (!(b.right() instanceof Ast.Constant rc)) {
            return b;
        }
        PyObject r = binary(b.op(), lc.value(), rc.value(), b);
        return r == null ? b : constant(r, b);
    }

    /**
     * 3.11's {@code optimize_format}: {@code 'fmt' % (a, b)} with only {@code %s}, {@code %r}, {@code %a}
     * (width and precision below three digits, {@code -} flag) becomes an f-string; null when it does
     * not apply (other conversions, too few or too many items).
     */
    private static Expr optimizeFormat(Ast.BinOp node, String fmt, List<Expr> elts) {
        int[] cps = fmt.codePoints().toArray();
        List<Expr> seq = new ArrayList<>();
        int pos = 0;
        int cnt = 0;
        while (true) {
            int start = pos;
            boolean percents = false;
            while (pos < cps.length) {
                if (cps[pos] != '%') {
                    pos++;
                } else if (pos + 1 < cps.length && cps[pos + 1] == '%') {
                    percents = true;
                    pos += 2;
                } else {
                    break;
                }
            }
            if (pos > start) {
                String lit = new String(cps, start, pos - start);
                if (percents) {
                    lit = lit.replace("%%", "%");
                }
                seq.add(new Ast.Constant(percents ? PyObject.Str.unshared(lit) : new PyObject.Str(lit, false), null,
                        -1, -1, -1, -1));
            }
            if (pos >= cps.length) {
                break;
            }
            if (cnt >= elts.size()) {
                return null;
            }
            pos++; // the '%'
            // simple_format_arg_parse
            int flags = 0;
            int width = -1;
            int prec = -1;
            int ch;
            if (pos >= cps.length) {
                return null;
            }
            ch = cps[pos++];
            while (ch == '-' || ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
                if (ch == '-') {
                    flags |= 1;
                }
                if (pos >= cps.length) {
                    return null;
                }
                ch = cps[pos++];
            }
            if (ch >= '0' && ch <= '9') {
                width = 0;
                int digits = 0;
                while (ch >= '0' && ch <= '9') {
                    width = width * 10 + (ch - '0');
                    if (pos >= cps.length) {
                        return null;
                    }
                    ch = cps[pos++];
                    if (++digits >= 3) {
                        return null;
                    }
                }
            }
            if (ch == '.') {
                if (pos >= cps.length) {
                    return null;
                }
                ch = cps[pos++];
                prec = 0;
                if (ch >= '0' && ch <= '9') {
                    int digits = 0;
                    while (ch >= '0' && ch <= '9') {
                        prec = prec * 10 + (ch - '0');
                        if (pos >= cps.length) {
                            return null;
                        }
                        ch = cps[pos++];
                        if (++digits >= 3) {
                            return null;
                        }
                    }
                }
            }
            if (ch != 's' && ch != 'r' && ch != 'a') {
                return null;
            }
            StringBuilder spec = new StringBuilder();
            if ((flags & 1) == 0 && width > 0) {
                spec.append('>');
            }
            if (width >= 0) {
                spec.append(width);
            }
            if (prec >= 0) {
                spec.append('.').append(prec);
            }
            Expr arg = elts.get(cnt++);
            Expr formatSpec = spec.length() > 0
                    ? new Ast.Constant(new PyObject.Str(spec.toString(), false), null, -1, -1, -1, -1) : null;
            seq.add(new Ast.FormattedValue(arg, ch, formatSpec, arg.lineno(), arg.colOffset(), arg.endLineno(),
                    arg.endColOffset()));
        }
        if (cnt < elts.size()) {
            return null;
        }
        return new Ast.JoinedStr(seq, node.lineno(), node.colOffset(), node.endLineno(), node.endColOffset());
    }

    private static int bits(BigInteger v) {
        return v.abs().bitLength();
    }

    /** The folded value, or null where CPython leaves the operation to run time (errors, size limits). */
    private PyObject binary(Ast.Operator op, PyObject l, PyObject r, Ast.Located at) {
        BigInteger li = asInt(l);
        BigInteger ri = asInt(r);
        boolean ints = li != null && ri != null;
        switch (op) {
            case Add:
                if (ints) {
                    return intValue(li.add(ri));
                }
                if (l instanceof PyObject.Str a && r instanceof PyObject.Str c && !a.lonePairs() && !c.lonePairs()) {
                    return new PyObject.Str(a.value() + c.value(), false);
                }
                if (l instanceof PyObject.Bytes a && r instanceof PyObject.Bytes c) {
                    byte[] out = new byte[a.value().length + c.value().length];
                    System.arraycopy(a.value(), 0, out, 0, a.value().length);
                    System.arraycopy(c.value(), 0, out, a.value().length, c.value().length);
                    return new PyObject.Bytes(out, false);
                }
                if (l instanceof PyObject.Tuple a && r instanceof PyObject.Tuple c) {
                    List<PyObject> items = new ArrayList<>(a.items());
                    items.addAll(c.items());
                    return new PyObject.Tuple(items);
                }
                return floatOp(op, l, r, at);
            case Sub:
                if (ints) {
                    return intValue(li.subtract(ri));
                }
                return floatOp(op, l, r, at);
            case Mult:
                if (ints) {
                    if (li.signum() != 0 && ri.signum() != 0 && bits(li) + bits(ri) > MAX_INT_SIZE) {
                        return null;
                    }
                    return intValue(li.multiply(ri));
                }
                if (li != null && !(r instanceof PyObject.Float || r instanceof PyObject.Complex)) {
                    return repeat(r, li, at);
                }
                if (ri != null && !(l instanceof PyObject.Float || l instanceof PyObject.Complex)) {
                    return repeat(l, ri, at);
                }
                return floatOp(op, l, r, at);
            case Div:
                if (ints) {
                    if (ri.signum() == 0) {
                        return null;
                    }
                    return fromNumber(PyNumbers.trueDivide(li, ri));
                }
                return floatOp(op, l, r, at);
            case FloorDiv:
                if (ints) {
                    if (ri.signum() == 0) {
                        return null;
                    }
                    return intValue(floorDiv(li, ri));
                }
                return floatOp(op, l, r, at);
            case Mod:
                if (l instanceof PyObject.Str || l instanceof PyObject.Bytes) {
                    return null;
                }
                if (ints) {
                    if (ri.signum() == 0) {
                        return null;
                    }
                    return intValue(li.subtract(floorDiv(li, ri).multiply(ri)));
                }
                return floatOp(op, l, r, at);
            case Pow:
                if (ints) {
                    if (li.signum() != 0 && ri.signum() > 0) {
                        if (ri.bitLength() > 31 || bits(li) > MAX_INT_SIZE / ri.intValue()) {
                            return null;
                        }
                    }
                    if (ri.signum() < 0) {
                        return fromNumber(PyNumbers.power(li, ri));
                    }
                    return intValue(li.pow(ri.intValueExact()));
                }
                return floatOp(op, l, r, at);
            case LShift:
                if (ints) {
                    if (ri.signum() < 0) {
                        return null;
                    }
                    if (li.signum() != 0 && ri.signum() != 0
                            && (ri.compareTo(BigInteger.valueOf(MAX_INT_SIZE)) > 0 || bits(li) > MAX_INT_SIZE - ri.intValue())) {
                        return null;
                    }
                    return intValue(li.shiftLeft(ri.intValue()));
                }
                return null;
            case RShift:
                if (ints) {
                    if (ri.signum() < 0) {
                        return null;
                    }
                    return intValue(ri.bitLength() > 31 ? (li.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO)
                            : li.shiftRight(ri.intValue()));
                }
                return null;
            case BitOr:
                if (ints) {
                    return boolOrInt(l, r, li.or(ri));
                }
                return null;
            case BitXor:
                if (ints) {
                    return boolOrInt(l, r, li.xor(ri));
                }
                return null;
            case BitAnd:
                if (ints) {
                    return boolOrInt(l, r, li.and(ri));
                }
                return null;
            default:
                return null;
        }
    }

    /** bool op bool stays a bool for &, |, ^. */
    private static PyObject boolOrInt(PyObject l, PyObject r, BigInteger v) {
        boolean lb = l == PyObject.Singleton.TRUE || l == PyObject.Singleton.FALSE;
        boolean rb = r == PyObject.Singleton.TRUE || r == PyObject.Singleton.FALSE;
        if (lb && rb) {
            return v.signum() != 0 ? PyObject.Singleton.TRUE : PyObject.Singleton.FALSE;
        }
        return intValue(v);
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    /** {@code safe_multiply} for sequences: repetition within the size limits. */
    private static PyObject repeat(PyObject seq, BigInteger times, Ast.Located at) {
        if (seq instanceof PyObject.Str s) {
            int size = s.value().codePointCount(0, s.value().length());
            if (size == 0) {
                return new PyObject.Str("", false);
            }
            if (times.signum() < 0 || times.compareTo(BigInteger.valueOf(MAX_STR_SIZE / size)) > 0) {
                return null;
            }
            return new PyObject.Str(s.value().repeat(times.intValue()), false);
        }
        if (seq instanceof PyObject.Bytes b) {
            int size = b.value().length;
            if (size == 0) {
                return new PyObject.Bytes(new byte[0], false);
            }
            if (times.signum() < 0 || times.compareTo(BigInteger.valueOf(MAX_STR_SIZE / size)) > 0) {
                return null;
            }
            byte[] out = new byte[size * times.intValue()];
            for (int i = 0; i < times.intValue(); i++) {
                System.arraycopy(b.value(), 0, out, i * size, size);
            }
            return new PyObject.Bytes(out, false);
        }
        if (seq instanceof PyObject.Tuple t) {
            int size = t.items().size();
            if (size == 0) {
                return new PyObject.Tuple(List.of());
            }
            if (times.signum() < 0 || times.compareTo(BigInteger.valueOf(MAX_COLLECTION_SIZE / size)) > 0) {
                return null;
            }
            int n = times.intValue();
            if (n > 0 && complexity(t) > MAX_TOTAL_ITEMS / n) {
                return null;
            }
            List<PyObject> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.addAll(t.items());
            }
            return new PyObject.Tuple(items);
        }
        throw new UnsupportedConstruct("repetition of this constant", at.lineno());
    }

    private static int complexity(PyObject o) {
        if (o instanceof PyObject.Tuple t) {
            int n = t.items().size();
            for (PyObject x : t.items()) {
                n += complexity(x);
            }
            return n;
        }
        return 0;
    }

    /**
     * Arithmetic with a float or complex operand (or int true division and negative powers): CPython's
     * own number methods, through {@link PyNumbers}; null (not folded) where CPython raises.
     */
    private static PyObject floatOp(Ast.Operator op, PyObject l, PyObject r, Ast.Located at) {
        Object a = number(l);
        Object b = number(r);
        if (a == null || b == null) {
            return null; // a TypeError at run time: not folded
        }
        String name = switch (op) {
            case Add -> "add";
            case Sub -> "sub";
            case Mult -> "mul";
            case Div -> "truediv";
            case FloorDiv -> "floordiv";
            case Mod -> "mod";
            case Pow -> "pow";
            default -> null;
        };
        return name == null ? null : fromNumber(PyNumbers.binary(name, a, b));
    }

    private static Object number(PyObject v) {
        BigInteger i = asInt(v);
        if (i != null) {
            return i;
        }
        if (v instanceof PyObject.Float f) {
            return Double.longBitsToDouble(f.bits());
        }
        if (v instanceof PyObject.Complex c) {
            return new PyNumbers.Cx(Double.longBitsToDouble(c.realBits()), Double.longBitsToDouble(c.imagBits()));
        }
        return null;
    }

    private static PyObject fromNumber(Object n) {
        if (n instanceof BigInteger i) {
            return intValue(i);
        }
        if (n instanceof Double d) {
            return new PyObject.Float(Double.doubleToRawLongBits(d));
        }
        if (n instanceof PyNumbers.Cx c) {
            return new PyObject.Complex(Double.doubleToRawLongBits(c.re()), Double.doubleToRawLongBits(c.im()));
        }
        return null;
    }
}
