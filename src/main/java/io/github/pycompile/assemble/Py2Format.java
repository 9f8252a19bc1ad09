package io.github.pycompile.assemble;

import io.github.pycompile.assemble.Py2Values.Unreproducible;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * {@code fmt % args} on constants as 2.7's {@code PyString_Format} and {@code PyUnicode_Format}
 * compute it (the peephole optimiser folds it): flags, width and precision (also {@code *}), the
 * conversions {@code s r d i u o x X c e E f F g G %}; a str format meeting a unicode argument
 * continues as unicode formatting, as 2.7 does. Returns null where Python raises (the operation is
 * then left unfolded); throws {@link Unreproducible} for what is not reproduced exactly yet.
 */
final class Py2Format {
    private static final int F_LJUST = 1;
    private static final int F_SIGN = 2;
    private static final int F_BLANK = 4;
    private static final int F_ALT = 8;
    private static final int F_ZERO = 16;

    private Py2Format() {}

    /** Python raised: the expression is not folded. */
    private static final class Raised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raised() {
            super(null, null, false, false);
        }
    }

    /** Switch to unicode formatting at this point of a str format. */
    private static final class ToUnicode extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int fmtStart;
        final int argStart;

        ToUnicode(int fmtStart, int argStart) {
            super(null, null, false, false);
            this.fmtStart = fmtStart;
            this.argStart = argStart;
        }
    }

    static PyObject format(PyObject format, PyObject args) {
        try {
            if (format instanceof Bytes b) {
                return formatStr(b.value(), args);
            }
            Str u = (Str) format;
            if (u.lonePairs()) {
                throw new Unreproducible("unicode with lone surrogates");
            }
            String r = new Engine(u.value(), true, args).run();
            return new Str(r, false);
        } catch (Raised e) {
            return null;
        }
    }

    private static PyObject formatStr(byte[] fmt, PyObject args) {
        String f = new String(fmt, StandardCharsets.ISO_8859_1);
        Engine e = new Engine(f, false, args);
        try {
            String r = e.run();
            return new Bytes(r.getBytes(StandardCharsets.ISO_8859_1), false);
        } catch (ToUnicode t) {
            // what is done so far (str) + the rest of the format as unicode, both decoded as ASCII
            String done = e.out.toString();
            String rest = f.substring(t.fmtStart);
            if (!ascii(done) || !ascii(rest)) {
                throw new Raised();
            }
            PyObject restArgs = args;
            if (args instanceof Tuple tu && t.argStart > 0) {
                restArgs = new Tuple(tu.items().subList(t.argStart, tu.items().size()));
            }
            String r = new Engine(rest, true, restArgs).run();
            return new Str(done + r, false);
        }
    }

    /** Widths and precisions count code points; 2.7 (UCS4) and Java differ beyond the BMP. */
    private static void checkBmp(Str s) {
        if (hasSurrogate(s.value())) {
            throw new Unreproducible("formatting unicode beyond the BMP");
        }
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** One formatting run over a format string; {@code unicode} selects PyUnicode_Format's rules. */
    private static final class Engine {
        final String f;
        final boolean unicode;
        final PyObject args;
        final StringBuilder out = new StringBuilder();
        final int arglen;
        int argidx;

        Engine(String f, boolean unicode, PyObject args) {
            this.f = f;
            this.unicode = unicode;
            this.args = args;
            if (args instanceof Tuple t) {
                arglen = t.items().size();
                argidx = 0;
            } else {
                arglen = -1;
                argidx = -2;
            }
            if (args instanceof Str s) {
                checkBmp(s);
            }
            if (unicode && hasSurrogate(f)) {
                throw new Unreproducible("formatting unicode beyond the BMP");
            }
        }

        private int ch(int i) {
            return i < f.length() ? f.charAt(i) : 0;
        }

        private PyObject nextArg() {
            if (argidx < arglen) {
                int i = argidx++;
                if (arglen < 0) {
                    return args;
                }
                PyObject a = ((Tuple) args).items().get(i);
                if (a instanceof Str s) {
                    checkBmp(s);
                }
                return a;
            }
            throw new Raised(); // not enough arguments
        }

        String run() {
            int fi = 0;
            int fmtcnt = f.length();
            while (--fmtcnt >= 0) {
                if (f.charAt(fi) != '%') {
                    out.append(f.charAt(fi++));
                    continue;
                }
                int fmtStart = fi;
                int argStart = argidx;
                int flags = 0;
                int width = -1;
                int prec = -1;
                int c = 0;
                fi++;
                if (ch(fi) == '(') {
                    throw new Raised(); // format requires a mapping
                }
                while (--fmtcnt >= 0) {
                    c = ch(fi++);
                    if (c == '-') {
                        flags |= F_LJUST;
                    } else if (c == '+') {
                        flags |= F_SIGN;
                    } else if (c == ' ') {
                        flags |= F_BLANK;
                    } else if (c == '#') {
                        flags |= F_ALT;
                    } else if (c == '0') {
                        flags |= F_ZERO;
                    } else {
                        break;
                    }
                }
                if (c == '*') {
                    PyObject v = nextArg();
                    width = starValue(v);
                    if (width < 0) {
                        flags |= F_LJUST;
                        width = -width;
                    }
                    if (--fmtcnt >= 0) {
                        c = ch(fi++);
                    }
                } else if (c >= '0' && c <= '9') {
                    width = c - '0';
                    while (--fmtcnt >= 0) {
                        c = ch(fi++);
                        if (!(c >= '0' && c <= '9')) {
                            break;
                        }
                        width = width * 10 + (c - '0');
                        if (width > 100_000) {
                            throw new Unreproducible("a huge format width");
                        }
                    }
                }
                if (c == '.') {
                    prec = 0;
                    if (--fmtcnt >= 0) {
                        c = ch(fi++);
                    }
                    if (c == '*') {
                        PyObject v = nextArg();
                        prec = starValue(v);
                        if (prec < 0) {
                            prec = 0;
                        }
                        if (--fmtcnt >= 0) {
                            c = ch(fi++);
                        }
                    } else if (c >= '0' && c <= '9') {
                        prec = c - '0';
                        while (--fmtcnt >= 0) {
                            c = ch(fi++);
                            if (!(c >= '0' && c <= '9')) {
                                break;
                            }
                            prec = prec * 10 + (c - '0');
                            if (prec > 100_000) {
                                throw new Unreproducible("a huge format precision");
                            }
                        }
                    }
                }
                if (fmtcnt >= 0 && (c == 'h' || c == 'l' || c == 'L')) {
                    if (--fmtcnt >= 0) {
                        c = ch(fi++);
                    }
                }
                if (fmtcnt < 0) {
                    throw new Raised(); // incomplete format
                }
                PyObject v = null;
                if (c != '%') {
                    v = nextArg();
                }
                boolean sign = false;
                char fill = ' ';
                String pbuf;
                switch (c) {
                    case '%' -> pbuf = "%";
                    case 's', 'r' -> {
                        if (c == 's' && !unicode && v instanceof Str) {
                            argidx = argStart;
                            throw new ToUnicode(fmtStart, argStart);
                        }
                        pbuf = c == 's' ? strOf(v) : reprOf(v);
                        if (prec >= 0 && pbuf.length() > prec) {
                            pbuf = pbuf.substring(0, prec);
                        }
                    }
                    case 'i', 'd', 'u', 'o', 'x', 'X' -> {
                        pbuf = formatInt(v, flags, prec, c == 'i' ? 'd' : (char) c);
                        sign = true;
                        if ((flags & F_ZERO) != 0) {
                            fill = '0';
                        }
                    }
                    case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                        double x = floatArg(v);
                        pbuf = formatFloat(x, (char) c, prec < 0 ? 6 : prec, (flags & F_ALT) != 0, false);
                        sign = true;
                        if ((flags & F_ZERO) != 0) {
                            fill = '0';
                        }
                    }
                    case 'c' -> {
                        if (!unicode && v instanceof Str) {
                            argidx = argStart;
                            throw new ToUnicode(fmtStart, argStart);
                        }
                        pbuf = formatChar(v);
                    }
                    default -> throw new Raised(); // unsupported format character
                }
                emit(pbuf, sign, fill, flags, width, (char) c);
            }
            if (argidx < arglen) {
                throw new Raised(); // not all arguments converted
            }
            return out.toString();
        }

        private int starValue(PyObject v) {
            if (!(v instanceof Int i) || i.py2Long()) {
                throw new Raised(); // * wants int
            }
            if (i.value().bitLength() > 31) {
                throw new Unreproducible("a huge format width");
            }
            return i.value().intValue();
        }

        private void emit(String pbuf, boolean hasSign, char fill, int flags, int width, char c) {
            int p = 0;
            int len = pbuf.length();
            char sign = 0;
            if (hasSign) {
                if (len > 0 && (pbuf.charAt(0) == '-' || pbuf.charAt(0) == '+')) {
                    sign = pbuf.charAt(0);
                    p++;
                    len--;
                } else if ((flags & F_SIGN) != 0) {
                    sign = '+';
                } else if ((flags & F_BLANK) != 0) {
                    sign = ' ';
                }
            }
            if (width < len) {
                width = len;
            }
            if (sign != 0) {
                if (fill != ' ') {
                    out.append(sign);
                }
                if (width > len) {
                    width--;
                }
            }
            boolean altHex = (flags & F_ALT) != 0 && (c == 'x' || c == 'X');
            if (altHex) {
                if (fill != ' ') {
                    out.append(pbuf.charAt(p)).append(pbuf.charAt(p + 1));
                    p += 2;
                }
                width -= 2;
                if (width < 0) {
                    width = 0;
                }
                len -= 2;
            }
            if (width > len && (flags & F_LJUST) == 0) {
                do {
                    out.append(fill);
                } while (--width > len);
            }
            if (fill == ' ') {
                if (sign != 0) {
                    out.append(sign);
                }
                if (altHex) {
                    out.append(pbuf.charAt(p)).append(pbuf.charAt(p + 1));
                    p += 2;
                }
            }
            out.append(pbuf, p, p + len);
            while (--width >= len) {
                out.append(' ');
            }
        }

        private String strOf(PyObject v) {
            if (v instanceof Bytes b) {
                String s = new String(b.value(), StandardCharsets.ISO_8859_1);
                if (unicode && !ascii(s)) {
                    throw new Raised(); // UnicodeDecodeError
                }
                return s;
            }
            if (v instanceof Str s) {
                return s.value();
            }
            if (v instanceof Int i) {
                return i.value().toString();
            }
            if (v instanceof PyObject.Float fl) {
                return floatStr(Double.longBitsToDouble(fl.bits()));
            }
            return reprOf(v);
        }

        private String reprOf(PyObject v) {
            if (v instanceof Str s) {
                return unicodeRepr(s.value());
            }
            if (v instanceof Tuple t) {
                StringBuilder sb = new StringBuilder("(");
                for (int k = 0; k < t.items().size(); k++) {
                    if (k > 0) {
                        sb.append(", ");
                    }
                    sb.append(reprItem(t.items().get(k)));
                }
                if (t.items().size() == 1) {
                    sb.append(',');
                }
                return sb.append(')').toString();
            }
            return reprItem(v);
        }

        private String reprItem(PyObject v) {
            if (v instanceof Str s) {
                return unicodeRepr(s.value());
            }
            if (v instanceof PyObject.Float) {
                throw new Unreproducible("repr of a float");
            }
            if (v instanceof Tuple) {
                return reprOf(v);
            }
            PyObject r = Py2Values.unary("CONVERT", v);
            return new String(((Bytes) r).value(), StandardCharsets.ISO_8859_1);
        }

        private String formatInt(PyObject v, int flags, int prec, char type) {
            BigInteger x;
            if (v instanceof Int i) {
                x = i.value();
            } else if (v instanceof PyObject.Float fl) {
                double d = Double.longBitsToDouble(fl.bits());
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new Unreproducible("an integer format of a non-finite float");
                }
                x = new BigDecimal(d).toBigInteger();
            } else if (v instanceof PyObject.Complex) {
                throw new Raised();
            } else {
                throw new Raised(); // a number is required
            }
            if (prec > 10_000) {
                throw new Unreproducible("a huge integer precision");
            }
            boolean neg = x.signum() < 0;
            BigInteger a = x.abs();
            String digits = switch (type) {
                case 'o' -> a.toString(8);
                case 'x' -> a.toString(16);
                case 'X' -> a.toString(16).toUpperCase();
                default -> a.toString();
            };
            int minDigits = prec < 0 ? 1 : prec;
            StringBuilder sb = new StringBuilder();
            if (neg) {
                sb.append('-');
            }
            String padded = "0".repeat(Math.max(0, minDigits - digits.length())) + digits;
            if ((flags & F_ALT) != 0 && type == 'o' && padded.charAt(0) != '0') {
                padded = "0" + padded;
            }
            if ((flags & F_ALT) != 0 && (type == 'x' || type == 'X')) {
                sb.append('0').append(type);
            }
            return sb.append(padded).toString();
        }

        private double floatArg(PyObject v) {
            if (v instanceof PyObject.Float fl) {
                return Double.longBitsToDouble(fl.bits());
            }
            if (v instanceof Int i) {
                if (i.value().bitLength() > 1000) {
                    throw new Unreproducible("a huge long as a float");
                }
                double d = i.value().doubleValue();
                if (Double.isInfinite(d)) {
                    throw new Raised();
                }
                return d;
            }
            throw new Raised(); // float argument required
        }

        private String formatChar(PyObject v) {
            if (unicode) {
                if (v instanceof Str s) {
                    if (s.value().codePointCount(0, s.value().length()) != 1) {
                        throw new Raised();
                    }
                    return s.value();
                }
                if (v instanceof Int i) {
                    if (i.value().signum() < 0 || i.value().compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                        throw new Raised();
                    }
                    int cp = i.value().intValue();
                    if (cp >= 0xD800 && cp < 0xE000) {
                        throw new Unreproducible("a surrogate from %c");
                    }
                    return new String(Character.toChars(cp));
                }
                throw new Unreproducible("%c of this argument");
            }
            if (v instanceof Bytes b) {
                if (b.value().length != 1) {
                    throw new Raised();
                }
                return String.valueOf((char) (b.value()[0] & 0xff));
            }
            if (v instanceof Int i) {
                if (i.value().signum() < 0 || i.value().compareTo(BigInteger.valueOf(255)) > 0) {
                    throw new Raised();
                }
                return String.valueOf((char) i.value().intValue());
            }
            if (v instanceof PyObject.Float) {
                throw new Raised();
            }
            throw new Unreproducible("%c of this argument");
        }
    }

    /** str() of a float in 2.7: 12 significant digits, '%g' style, ".0" added to integers. */
    static String floatStr(double x) {
        return formatFloat(x, 'g', 12, false, true);
    }

    /** 2.7's PyOS_double_to_string for e, f, g (correctly rounded, as David Gay's dtoa). */
    static String formatFloat(double x, char type, int prec, boolean alt, boolean addDot0) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new Unreproducible("formatting a non-finite float");
        }
        if (prec > 1000) {
            throw new Unreproducible("a huge float precision");
        }
        boolean neg = Double.doubleToRawLongBits(x) < 0;
        BigDecimal a = new BigDecimal(Math.abs(x));
        char t = Character.toLowerCase(type);
        String s;
        if (t == 'f') {
            s = a.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
            if (prec == 0 && alt) {
                s += ".";
            }
        } else if (t == 'e') {
            s = sci(a, prec, alt);
        } else {
            int p = prec == 0 ? 1 : prec;
            int exp;
            if (a.signum() == 0) {
                exp = 0;
            } else {
                BigDecimal r = a.round(new MathContext(p, RoundingMode.HALF_EVEN));
                exp = r.precision() - r.scale() - 1;
            }
            if (exp >= -4 && exp < p) {
                s = a.setScale(p - 1 - exp, RoundingMode.HALF_EVEN).toPlainString();
                if (alt && p - 1 - exp == 0) {
                    s += ".";
                }
            } else {
                s = sci(a, p - 1, alt);
            }
            if (!alt) {
                int e = s.indexOf('e');
                String mant = e >= 0 ? s.substring(0, e) : s;
                String tail = e >= 0 ? s.substring(e) : "";
                if (mant.indexOf('.') >= 0) {
                    mant = mant.replaceAll("0+$", "");
                    if (mant.endsWith(".")) {
                        mant = mant.substring(0, mant.length() - 1);
                    }
                }
                s = mant + tail;
            }
            if (addDot0 && s.indexOf('.') < 0 && s.indexOf('e') < 0) {
                s += ".0";
            }
        }
        if (Character.isUpperCase(type)) {
            s = s.toUpperCase();
        }
        return (neg ? "-" : "") + s;
    }

    private static String sci(BigDecimal a, int p, boolean alt) {
        String digits;
        int exp;
        if (a.signum() == 0) {
            digits = "0".repeat(p + 1);
            exp = 0;
        } else {
            BigDecimal r = a.round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
            digits = r.unscaledValue().toString();
            if (digits.length() < p + 1) {
                digits = digits + "0".repeat(p + 1 - digits.length());
            } else if (digits.length() > p + 1) {
                digits = digits.substring(0, p + 1); // trailing zeros of the unscaled value
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(digits.charAt(0));
        if (p > 0) {
            sb.append('.').append(digits, 1, p + 1);
        } else if (alt) {
            sb.append('.');
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ax = Math.abs(exp);
        if (ax < 10) {
            sb.append('0');
        }
        sb.append(ax);
        return sb.toString();
    }

    /** 2.7's repr of a unicode object (UCS4 build). */
    static String unicodeRepr(String s) {
        boolean hasSingle = s.indexOf('\'') >= 0;
        boolean hasDouble = s.indexOf('"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("u").append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < ' ' || cp >= 0x7f) {
                if (cp < 0x100) {
                    sb.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    sb.append(String.format("\\u%04x", cp));
                } else {
                    sb.append(String.format("\\U%08x", cp));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(quote).toString();
    }
}
