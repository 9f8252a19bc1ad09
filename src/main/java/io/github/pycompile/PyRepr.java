package io.github.pycompile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 3's {@code repr()} of the values a constant can hold, as error messages, test dumps and
 * annotation strings spell them: strings (quote choice; backslash escapes for the quote, backslash,
 * {@code \t \n \r}, and hex escapes for characters {@code str.isprintable()}
 * rejects), {@code ascii()}, bytes, 2.x byte strings, and floats and complex numbers in CPython's
 * shortest round-trip form ({@code float_repr_style = 'short'}).
 */
public final class PyRepr {
    private PyRepr() {}

    private enum Policy { STR, ASCII, BYTES2 }

    /** {@code repr(s)} of a 3.x str. */
    public static String str(String s) {
        return quote(s, Policy.STR);
    }

    /** {@code ascii(s)} of a 3.x str. */
    public static String ascii(String s) {
        return quote(s, Policy.ASCII);
    }

    /** {@code repr(s)} of a Python 2 byte string whose characters are its bytes. */
    public static String bytes2(String s) {
        return quote(s, Policy.BYTES2);
    }

    /** {@code repr(b)} of a 3.x bytes object. */
    public static String bytes(byte[] b) {
        boolean single = false;
        boolean dbl = false;
        for (byte x : b) {
            single |= x == '\'';
            dbl |= x == '"';
        }
        char q = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder(b.length + 3).append('b').append(q);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == q || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(q).toString();
    }

    /** Python's {@code str.isprintable()} for one code point (by the JDK's Unicode tables). */
    public static boolean isPrintable(int cp) {
        if (cp < 0x80) {
            return cp >= ' ' && cp != 0x7F; // ASCII: all but the control characters
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static String quote(String s, Policy policy) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = policy == Policy.BYTES2 ? s.charAt(i) : s.codePointAt(i);
            i += policy == Policy.BYTES2 ? 1 : Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f || policy != Policy.STR && cp > 0x7f && cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp & 0xff));
            } else if (cp < 0x7f || policy == Policy.STR && isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.append(q).toString();
    }

    /** {@code repr(x)} of a float: {@code 1.0}, {@code 1e-05}, {@code 1e+16}, {@code inf}, {@code nan}. */
    public static String floatRepr(double d) {
        return shortest(d, true);
    }

    /** {@code repr(complex(re, im))}: {@code 2j}, {@code (1+2j)}, {@code (-0-1j)}. */
    public static String complexRepr(double re, double im) {
        String imag = shortest(im, false);
        if (re == 0.0 && Math.copySign(1.0, re) > 0) {
            return imag + "j";
        }
        String sign = imag.startsWith("-") ? "" : "+";
        return "(" + shortest(re, false) + sign + imag + "j)";
    }

    /**
     * CPython's {@code PyOS_double_to_string(x, 'r', 0, flags)}: the shortest digits that read back
     * as {@code x} (the nearest such when several), fixed notation for decimal exponents from -4 to
     * 16, scientific beyond, and {@code .0} appended to integral values when {@code addDot0}.
     */
    private static String shortest(double d, boolean addDot0) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = Math.copySign(1.0, d) < 0 ? "-" : "";
        if (d == 0.0) {
            return sign + (addDot0 ? "0.0" : "0");
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal digitsValue = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == Math.abs(d)) {
                digitsValue = r;
                break;
            }
        }
        BigDecimal norm = digitsValue.stripTrailingZeros();
        String digits = norm.unscaledValue().toString();
        int decpt = digits.length() - norm.scale(); // value = 0.digits * 10^decpt
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt < digits.length()) {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            } else {
                sb.append(digits).append("0".repeat(decpt - digits.length()));
                if (addDot0) {
                    sb.append(".0");
                }
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }
}
