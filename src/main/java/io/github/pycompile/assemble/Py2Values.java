package io.github.pycompile.assemble;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.Complex;
import io.github.pycompile.marshal.PyObject.Float;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Python 2 semantics of the constants a 2.x compiler handles: the key under which 2.7 merges
 * constants ({@code _PyCode_ConstantKey}: type and value, -0.0 apart from 0.0, tuples item by item),
 * truth, and the operations the peephole optimiser folds ({@code int}/{@code long} overflow rules,
 * C doubles, {@code str} and {@code tuple} concatenation, repetition and indexing). An operation
 * whose exact result we do not reproduce yet throws {@link Unreproducible}; one that raises in
 * Python (so is left unfolded) returns null.
 */
public final class Py2Values {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Py2Values() {}

    /** A folding we cannot yet make exactly as CPython 2.7 does. */
    public static final class Unreproducible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unreproducible(String what) {
            super(what, null, false, false);
        }
    }

    /** A constant as a key of 2.7's constant table. */
    public static final class Key {
        final PyObject value;
        private final int hash;

        public Key(PyObject value) {
            this.value = value;
            this.hash = hashOf(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && keyEquals(value, k.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static int hashOf(PyObject o) {
        if (o instanceof Int i) {
            return i.value().hashCode() * 31 + (i.py2Long() ? 1 : 0);
        }
        if (o instanceof Float f) {
            double d = Double.longBitsToDouble(f.bits());
            return Double.hashCode(d == 0.0 ? 0.0 : d);
        }
        if (o instanceof Complex c) {
            return 7;
        }
        if (o instanceof Bytes b) {
            return Arrays.hashCode(b.value());
        }
        if (o instanceof Str s) {
            return s.value().hashCode() + 3;
        }
        if (o instanceof Tuple t) {
            int h = 17;
            for (PyObject x : t.items()) {
                h = h * 31 + hashOf(x);
            }
            return h;
        }
        if (o instanceof Code c) {
            return Arrays.hashCode(((Bytes) c.code()).value());
        }
        return System.identityHashCode(o);
    }

    private static boolean negZero(double d) {
        return d == 0.0 && Double.doubleToRawLongBits(d) != 0;
    }

    public static boolean keyEquals(PyObject a, PyObject b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Int x && b instanceof Int y) {
            return x.py2Long() == y.py2Long() && x.value().equals(y.value());
        }
        if (a instanceof Float x && b instanceof Float y) {
            double p = Double.longBitsToDouble(x.bits());
            double q = Double.longBitsToDouble(y.bits());
            return p == q && negZero(p) == negZero(q);
        }
        if (a instanceof Complex x && b instanceof Complex y) {
            double pr = Double.longBitsToDouble(x.realBits());
            double pi = Double.longBitsToDouble(x.imagBits());
            double qr = Double.longBitsToDouble(y.realBits());
            double qi = Double.longBitsToDouble(y.imagBits());
            return pr == qr && pi == qi && negZero(pr) == negZero(qr) && negZero(pi) == negZero(qi);
        }
        if (a instanceof Bytes x && b instanceof Bytes y) {
            return Arrays.equals(x.value(), y.value());
        }
        if (a instanceof Str x && b instanceof Str y) {
            return x.value().equals(y.value()) && x.lonePairs() == y.lonePairs();
        }
        if (a instanceof Tuple x && b instanceof Tuple y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!keyEquals(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Code x && b instanceof Code y) {
            return codeEquals(x, y);
        }
        return false;
    }

    /** 2.7's code_richcompare. */
    private static boolean codeEquals(Code x, Code y) {
        return keyEquals(x.name(), y.name()) && x.argCount() == y.argCount() && x.nLocals() == y.nLocals()
                && x.flags() == y.flags() && x.firstLineNo() == y.firstLineNo() && keyEquals(x.code(), y.code())
                && keyEquals(x.consts(), y.consts()) && keyEquals(x.names(), y.names())
                && keyEquals(x.varNames(), y.varNames()) && keyEquals(x.freeVars(), y.freeVars())
                && keyEquals(x.cellVars(), y.cellVars());
    }

    /** PyObject_IsTrue of a constant. */
    public static boolean isTrue(PyObject o) {
        if (o == Singleton.NONE || o == Singleton.FALSE) {
            return false;
        }
        if (o instanceof Int i) {
            return i.value().signum() != 0;
        }
        if (o instanceof Float f) {
            return Double.longBitsToDouble(f.bits()) != 0.0;
        }
        if (o instanceof Complex c) {
            return Double.longBitsToDouble(c.realBits()) != 0.0 || Double.longBitsToDouble(c.imagBits()) != 0.0;
        }
        if (o instanceof Bytes b) {
            return b.value().length > 0;
        }
        if (o instanceof Str s) {
            return !s.value().isEmpty();
        }
        if (o instanceof Tuple t) {
            return !t.items().isEmpty();
        }
        return true;
    }

    /** len() of a folded result, or -1 when it has none. */
    public static int size(PyObject o) {
        if (o instanceof Bytes b) {
            return b.value().length;
        }
        if (o instanceof Str s) {
            // with lonePairs every UTF-16 unit is one of 2.7's (UCS4) code points
            return s.lonePairs() ? s.value().length() : s.value().codePointCount(0, s.value().length());
        }
        if (o instanceof Tuple t) {
            return t.items().size();
        }
        return -1;
    }

    private static Int intResult(BigInteger v, boolean isLong) {
        if (!isLong && (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0)) {
            isLong = true;
        }
        return new Int(v, isLong);
    }

    private static double toDouble(PyObject o) {
        if (o instanceof Float f) {
            return Double.longBitsToDouble(f.bits());
        }
        BigInteger v = ((Int) o).value();
        if (v.bitLength() > 1023) {
            throw new ArithmeticException("long too large to convert to float");
        }
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            throw new ArithmeticException("long too large to convert to float");
        }
        return d;
    }

    private static boolean isNumber(PyObject o) {
        return o instanceof Int || o instanceof Float;
    }

    /** Folds {@code v op w} (op: the 2.x BINARY_* opcode's name), or null when Python raises. */
    public static PyObject binary(String op, PyObject v, PyObject w) {
        try {
            return binary0(op, v, w);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static PyObject binary0(String op, PyObject v, PyObject w) {
        if (v instanceof Complex || w instanceof Complex) {
            return complexOp(op, v, w);
        }
        if (v instanceof Int a && w instanceof Int b) {
            boolean isLong = a.py2Long() || b.py2Long();
            BigInteger x = a.value();
            BigInteger y = b.value();
            switch (op) {
                case "ADD":
                    return intResult(x.add(y), isLong);
                case "SUBTRACT":
                    return intResult(x.subtract(y), isLong);
                case "MULTIPLY":
                    return intResult(x.multiply(y), isLong);
                case "FLOOR_DIVIDE": {
                    if (y.signum() == 0) {
                        return null;
                    }
                    return intResult(floorDiv(x, y), isLong);
                }
                case "MODULO": {
                    if (y.signum() == 0) {
                        return null;
                    }
                    return intResult(x.subtract(floorDiv(x, y).multiply(y)), isLong);
                }
                case "POWER": {
                    if (y.signum() < 0) {
                        // 2.7 hands a negative integer power to float's pow
                        if (x.signum() == 0) {
                            return null;
                        }
                        return floatPow(toDouble(a), toDouble(b));
                    }
                    if (y.bitLength() > 31 || (long) x.bitLength() * y.longValue() > 20_000_000) {
                        throw new Unreproducible("a huge integer power");
                    }
                    return intResult(x.pow(y.intValue()), isLong);
                }
                case "LSHIFT": {
                    if (y.signum() < 0) {
                        return null;
                    }
                    if (y.compareTo(BigInteger.valueOf(20_000_000)) > 0) {
                        if (x.signum() == 0) {
                            return intResult(BigInteger.ZERO, isLong);
                        }
                        throw new Unreproducible("a huge shift");
                    }
                    return intResult(x.shiftLeft(y.intValue()), isLong);
                }
                case "RSHIFT": {
                    if (y.signum() < 0) {
                        return null;
                    }
                    int n = y.bitLength() > 31 ? Integer.MAX_VALUE : y.intValue();
                    return intResult(x.shiftRight(n), isLong);
                }
                case "AND":
                    return intResult(x.and(y), isLong);
                case "OR":
                    return intResult(x.or(y), isLong);
                case "XOR":
                    return intResult(x.xor(y), isLong);
                case "TRUE_DIVIDE": {
                    // 2.7 divides as C doubles when both fit in 53 bits (exact conversions)
                    if (y.signum() == 0) {
                        return null;
                    }
                    if (isLong || x.abs().bitLength() > 53 || y.abs().bitLength() > 53) {
                        throw new Unreproducible("true division of large integers");
                    }
                    return Float.of(x.doubleValue() / y.doubleValue());
                }
                case "SUBSCR":
                    return null;
                default:
                    throw new Unreproducible("folding " + op);
            }
        }
        if (isNumber(v) && isNumber(w)) {
            double x = toDouble(v);
            double y = toDouble(w);
            switch (op) {
                case "ADD":
                    return Float.of(x + y);
                case "SUBTRACT":
                    return Float.of(x - y);
                case "MULTIPLY":
                    return Float.of(x * y);
                case "TRUE_DIVIDE":
                    if (y == 0.0) {
                        return null;
                    }
                    return Float.of(x / y);
                case "MODULO": {
                    if (y == 0.0) {
                        return null;
                    }
                    return Float.of(floatDivmod(x, y)[1]);
                }
                case "FLOOR_DIVIDE": {
                    if (y == 0.0) {
                        return null;
                    }
                    return Float.of(floatDivmod(x, y)[0]);
                }
                case "SUBSCR":
                    return null;
                case "POWER":
                    return floatPow(x, y);
                default:
                    if (op.equals("LSHIFT") || op.equals("RSHIFT") || op.equals("AND") || op.equals("OR")
                            || op.equals("XOR")) {
                        return null;
                    }
                    throw new Unreproducible("folding float " + op);
            }
        }
        if (v instanceof Bytes a && w instanceof Bytes b && op.equals("ADD")) {
            if (a.value().length == 0) {
                return w;
            }
            if (b.value().length == 0) {
                return v;
            }
            byte[] r = Arrays.copyOf(a.value(), a.value().length + b.value().length);
            System.arraycopy(b.value(), 0, r, a.value().length, b.value().length);
            return new Bytes(r, false);
        }
        if (v instanceof Str a && w instanceof Str b && op.equals("ADD")) {
            if (a.lonePairs() || b.lonePairs()) {
                throw new Unreproducible("unicode with lone surrogates");
            }
            return new Str(a.value() + b.value(), false);
        }
        if (v instanceof Tuple a && w instanceof Tuple b && op.equals("ADD")) {
            List<PyObject> r = new ArrayList<>(a.items());
            r.addAll(b.items());
            return new Tuple(r);
        }
        if (op.equals("MULTIPLY") && (v instanceof Int || w instanceof Int) && !(v instanceof Int && w instanceof Int)) {
            PyObject seq = v instanceof Int ? w : v;
            Int n = (Int) (v instanceof Int ? v : w);
            return repeat(seq, n);
        }
        if (op.equals("SUBSCR") && w instanceof Int idx) {
            if (v instanceof Bytes a) {
                int n = a.value().length;
                long i = idx.value().bitLength() > 62 ? Long.MAX_VALUE : idx.value().longValue();
                if (i < 0) {
                    i += n;
                }
                if (i < 0 || i >= n) {
                    return null;
                }
                return new Bytes(new byte[] {a.value()[(int) i]}, true);
            }
            if (v instanceof Tuple t) {
                int n = t.items().size();
                long i = idx.value().bitLength() > 62 ? Long.MAX_VALUE : idx.value().longValue();
                if (i < 0) {
                    i += n;
                }
                if (i < 0 || i >= n) {
                    return null;
                }
                return t.items().get((int) i);
            }
            if (v instanceof Str) {
                return null; // 2.7 never folds unicode indexing
            }
        }
        if (op.equals("MODULO") && (v instanceof Bytes || v instanceof Str)) {
            return Py2Format.format(v, w);
        }
        if (op.equals("ADD") && ((v instanceof Bytes && w instanceof Str) || (v instanceof Str && w instanceof Bytes))) {
            // str + unicode decodes the str with the default encoding (ASCII)
            Str a = asUnicode(v);
            Str b = asUnicode(w);
            if (a == null || b == null) {
                return null;
            }
            if (a.lonePairs() || b.lonePairs()) {
                throw new Unreproducible("unicode with lone surrogates");
            }
            return new Str(a.value() + b.value(), false);
        }
        if ((v instanceof Bytes && w instanceof Str) || (v instanceof Str && w instanceof Bytes)) {
            throw new Unreproducible("mixing str and unicode constants");
        }
        if (v == Singleton.NONE || w == Singleton.NONE || v == Singleton.ELLIPSIS || w == Singleton.ELLIPSIS
                || v instanceof Code || w instanceof Code) {
            return null;
        }
        if ((v instanceof Bytes || v instanceof Str || v instanceof Tuple) && isNumber(w)
                || isNumber(v) && (w instanceof Bytes || w instanceof Str || w instanceof Tuple)) {
            return null; // a TypeError in Python (sequence and number other than repetition)
        }
        if ((v instanceof Bytes || v instanceof Str || v instanceof Tuple)
                && (w instanceof Bytes || w instanceof Str || w instanceof Tuple)) {
            return null; // str + tuple and the like raise TypeError
        }
        throw new Unreproducible("folding " + op + " of these constants");
    }

    private static PyObject repeat(PyObject seq, Int n) {
        if (!(seq instanceof Bytes || seq instanceof Str || seq instanceof Tuple)) {
            if (seq instanceof Float) {
                return null;
            }
            throw new Unreproducible("repetition of this constant");
        }
        long count = n.value().bitLength() > 40 ? (n.value().signum() < 0 ? -1 : Long.MAX_VALUE) : n.value().longValue();
        int len = size(seq);
        if (count < 0) {
            count = 0;
        }
        if (len > 0 && count > 20 / len) {
            // the result is longer than 20 items: 2.7 does not fold it (nor the overflowing ones)
            return null;
        }
        if (count == 1) {
            return seq;
        }
        if (seq instanceof Bytes b) {
            byte[] r = new byte[(int) (b.value().length * count)];
            for (int i = 0; i < count; i++) {
                System.arraycopy(b.value(), 0, r, i * b.value().length, b.value().length);
            }
            return new Bytes(r, r.length == 1);
        }
        if (seq instanceof Str s) {
            if (s.lonePairs()) {
                throw new Unreproducible("unicode with lone surrogates");
            }
            return new Str(s.value().repeat((int) count), false);
        }
        Tuple t = (Tuple) seq;
        List<PyObject> r = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            r.addAll(t.items());
        }
        return new Tuple(r);
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    /** 2.7's float_divmod: {floordiv, mod}. */
    private static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod *= mod;
            if (wx < 0.0) {
                mod = -mod;
            }
        }
        double floordiv;
        if (div != 0.0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            div *= div;
            floordiv = div * vx / wx;
        }
        return new double[] {floordiv, mod};
    }

    private static Str asUnicode(PyObject o) {
        if (o instanceof Str s) {
            return s;
        }
        byte[] b = ((Bytes) o).value();
        StringBuilder sb = new StringBuilder(b.length);
        for (byte x : b) {
            if (x < 0) {
                return null; // UnicodeDecodeError
            }
            sb.append((char) x);
        }
        return new Str(sb.toString(), false);
    }

    /**
     * 2.7's float_pow: its special cases, then C's pow for integral exponents and for {@code 0.5}.
     * The result is folded when it is exact, or when the true value lies less than 0.48 ULP from a
     * double: glibc's pow (2.28+, the reference platform) errs by less than 0.52 ULP, and the other
     * neighbouring double is then more than 0.52 ULP away, so glibc returns that double (older
     * glibc's pow rounds correctly). Fractional exponents otherwise, values closer to halfway
     * between two doubles, and results that underflow, are refused.
     */
    private static PyObject floatPow(double iv, double iw) {
        if (iw == 0.0) {
            return Float.of(1.0);
        }
        if (Double.isNaN(iv) || Double.isNaN(iw) || Double.isInfinite(iv) || Double.isInfinite(iw)) {
            throw new Unreproducible("a power of a non-finite float");
        }
        boolean integral = iw == Math.rint(iw);
        if (!integral && iv < 0.0) {
            return null; // ValueError: negative number to a fractional power
        }
        boolean oddExponent = integral && Math.abs(iw) < 9.007199254740992E15 && ((long) iw & 1) != 0;
        if (iv == 0.0) {
            if (iw < 0.0) {
                return null; // ZeroDivisionError
            }
            return Float.of(oddExponent ? iv : 0.0);
        }
        boolean negate = false;
        if (iv < 0.0) {
            iv = -iv;
            negate = oddExponent;
        }
        if (iv == 1.0) {
            return Float.of(negate ? -1.0 : 1.0);
        }
        java.math.MathContext mc = new java.math.MathContext(80, java.math.RoundingMode.HALF_EVEN);
        java.math.BigDecimal exact;
        if (integral && Math.abs(iw) <= 4096) {
            int n = (int) iw;
            exact = new java.math.BigDecimal(iv).pow(Math.abs(n));
            if (n < 0) {
                exact = java.math.BigDecimal.ONE.divide(exact, mc);
            }
        } else if (Math.abs(iw) == 0.5) {
            exact = new java.math.BigDecimal(iv).sqrt(mc);
            if (iw < 0) {
                exact = java.math.BigDecimal.ONE.divide(exact, mc);
            }
        } else {
            throw new Unreproducible(integral ? "a large float power" : "a fractional float power");
        }
        double r = exact.doubleValue();
        if (Double.isInfinite(r)) {
            return null; // OverflowError
        }
        if (Math.abs(r) < Double.MIN_NORMAL) {
            throw new Unreproducible("a float power that underflows");
        }
        java.math.BigDecimal near = new java.math.BigDecimal(r);
        if (near.compareTo(exact) != 0) {
            java.math.BigDecimal ulps = exact.subtract(near).abs().divide(new java.math.BigDecimal(Math.ulp(r)), mc);
            if (ulps.compareTo(new java.math.BigDecimal("0.48")) >= 0) {
                throw new Unreproducible("a float power close to a rounding boundary");
            }
        }
        return Float.of(negate ? -r : r);
    }

    private static PyObject complexOp(String op, PyObject v, PyObject w) {
        double[] a = toComplex(v);
        double[] b = toComplex(w);
        if (a == null || b == null) {
            if (op.equals("MULTIPLY") && (v instanceof Bytes || w instanceof Bytes || v instanceof Tuple
                    || w instanceof Tuple || v instanceof Str || w instanceof Str)) {
                return null;
            }
            throw new Unreproducible("folding complex " + op);
        }
        switch (op) {
            case "ADD":
                return complex(a[0] + b[0], a[1] + b[1]);
            case "SUBTRACT":
                return complex(a[0] - b[0], a[1] - b[1]);
            case "MULTIPLY":
                return complex(a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]);
            case "POWER":
                return complexPow(a, b);
            default:
                throw new Unreproducible("folding complex " + op);
        }
    }

    /** 2.7's complex_pow for integral exponents up to 100 (c_powi) and zero cases. */
    private static PyObject complexPow(double[] a, double[] b) {
        double[] p;
        long n = (long) b[0];
        if (b[1] == 0.0 && b[0] == n && n >= -100 && n <= 100) {
            if (n > 0) {
                p = powu(a, n);
            } else {
                p = quot(new double[] {1.0, 0.0}, powu(a, -n));
                if (p == null) {
                    return null; // ZeroDivisionError
                }
            }
        } else if (b[0] == 0.0 && b[1] == 0.0) {
            p = new double[] {1.0, 0.0};
        } else if (a[0] == 0.0 && a[1] == 0.0) {
            if (b[1] != 0.0 || b[0] < 0.0) {
                return null; // ZeroDivisionError
            }
            p = new double[] {0.0, 0.0};
        } else {
            throw new Unreproducible("a complex power");
        }
        if (Double.isInfinite(p[0]) || Double.isInfinite(p[1])) {
            return null; // OverflowError
        }
        return complex(p[0], p[1]);
    }

    private static double[] prod(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    private static double[] powu(double[] x, long n) {
        double[] r = {1.0, 0.0};
        double[] p = x;
        long mask = 1;
        while (mask > 0 && n >= mask) {
            if ((n & mask) != 0) {
                r = prod(r, p);
            }
            mask <<= 1;
            p = prod(p, p);
        }
        return r;
    }

    /** 2.7's c_quot (Smith's algorithm); null for division by zero. */
    private static double[] quot(double[] a, double[] b) {
        double absBr = Math.abs(b[0]);
        double absBi = Math.abs(b[1]);
        if (absBr >= absBi) {
            if (absBr == 0.0) {
                return null;
            }
            double ratio = b[1] / b[0];
            double denom = b[0] + b[1] * ratio;
            return new double[] {(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom};
        }
        if (absBi >= absBr) {
            double ratio = b[0] / b[1];
            double denom = b[0] * ratio + b[1];
            return new double[] {(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom};
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private static double[] toComplex(PyObject o) {
        if (o instanceof Complex c) {
            return new double[] {Double.longBitsToDouble(c.realBits()), Double.longBitsToDouble(c.imagBits())};
        }
        if (o instanceof Int || o instanceof Float) {
            return new double[] {toDouble(o), 0.0};
        }
        return null;
    }

    private static Complex complex(double r, double i) {
        return new Complex(Double.doubleToRawLongBits(r), Double.doubleToRawLongBits(i));
    }

    /** Folds a unary operation ("NEGATIVE", "INVERT", "CONVERT"), or null when Python raises. */
    public static PyObject unary(String op, PyObject v) {
        switch (op) {
            case "NEGATIVE":
                if (v instanceof Int i) {
                    return intResult(i.value().negate(), i.py2Long());
                }
                if (v instanceof Float f) {
                    return Float.of(-Double.longBitsToDouble(f.bits()));
                }
                if (v instanceof Complex c) {
                    return complex(-Double.longBitsToDouble(c.realBits()), -Double.longBitsToDouble(c.imagBits()));
                }
                if (v instanceof Bytes || v instanceof Str || v instanceof Tuple || v == Singleton.NONE) {
                    return null;
                }
                throw new Unreproducible("negating this constant");
            case "INVERT":
                if (v instanceof Int i) {
                    return intResult(i.value().not(), i.py2Long());
                }
                if (v instanceof Float || v instanceof Complex || v instanceof Bytes || v instanceof Str
                        || v instanceof Tuple || v == Singleton.NONE) {
                    return null;
                }
                throw new Unreproducible("inverting this constant");
            case "CONVERT":
                if (v instanceof Int i) {
                    String s = i.value().toString() + (i.py2Long() ? "L" : "");
                    return new Bytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), false);
                }
                if (v instanceof Bytes b) {
                    return new Bytes(strRepr(b.value()), false);
                }
                return new Bytes(repr(v).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), false);
            default:
                throw new Unreproducible("folding unary " + op);
        }
    }

    /** Python 2's repr of a constant we reproduce exactly (None, int, long, str, tuples of them). */
    private static String repr(PyObject v) {
        if (v == Singleton.NONE) {
            return "None";
        }
        if (v instanceof Int i) {
            return i.value().toString() + (i.py2Long() ? "L" : "");
        }
        if (v instanceof Bytes b) {
            return new String(strRepr(b.value()), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if (v instanceof Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int k = 0; k < t.items().size(); k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                sb.append(repr(t.items().get(k)));
            }
            if (t.items().size() == 1) {
                sb.append(',');
            }
            return sb.append(')').toString();
        }
        throw new Unreproducible("repr of this constant");
    }

    /** Python 2's repr of a str. */
    private static byte[] strRepr(byte[] s) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte c : s) {
            hasSingle |= c == '\'';
            hasDouble |= c == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder();
        sb.append(quote);
        for (byte b : s) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        sb.append(quote);
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
