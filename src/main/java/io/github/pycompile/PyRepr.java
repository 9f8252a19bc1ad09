package io.github.pycompile;

/**
 * Python's {@code repr()} of strings, as error messages and test dumps quote them: quote choice,
 * backslash escapes for the quote, backslash, {@code \t \n \r} and control characters, and for the
 * rest one of three policies — a 3.x {@code str} keeps non-ASCII characters (Python would escape the
 * non-printable ones among them: not reproduced), {@code ascii()} escapes
 * everything beyond ASCII, a 2.x byte string (one char per byte) escapes everything beyond 0x7e.
 */
public final class PyRepr {
    private PyRepr() {}

    private enum Policy { STR, ASCII, BYTES2 }

    /** {@code repr(s)} of a 3.x str (non-ASCII characters kept, as for printable ones). */
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
            } else if (cp < 0x7f || policy == Policy.STR && !(cp >= 0xd800 && cp <= 0xdfff)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.append(q).toString();
    }
}
