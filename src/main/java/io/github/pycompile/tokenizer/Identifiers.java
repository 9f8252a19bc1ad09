package io.github.pycompile.tokenizer;

/**
 * Character classes of CPython's tokenizer: PEP 3131 identifier characters ({@code XID_Start} /
 * {@code XID_Continue}, approximated by the JDK's Unicode identifier classes, which follow the same
 * Unicode derivation) and {@code str.isprintable()}.
 */
public final class Identifiers {
    private Identifiers() {}

    /** First surrogate-escape char: the decoder maps an undecodable byte {@code b} to {@code U+DC00+b}. */
    static final char ESCAPED_BYTE_MIN = '\uDC80';
    static final char ESCAPED_BYTE_MAX = '\uDCFF';

    public static boolean isEscapedByte(int c) {
        return c >= ESCAPED_BYTE_MIN && c <= ESCAPED_BYTE_MAX;
    }

    /** {@code XID_Start} or '_' ({@code _PyUnicode_IsXidStart} as the tokenizer uses it). */
    static boolean isStart(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp == '_';
        }
        return Character.isUnicodeIdentifierStart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    /** {@code XID_Continue}. */
    static boolean isContinue(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    /**
     * Index (in code points) of the first character of {@code name} that cannot be in an identifier at
     * its place, as {@code _PyUnicode_ScanIdentifier}; the length in code points when all are valid.
     */
    static int scan(String name) {
        int i = 0;
        int k = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            if (k == 0 ? !isStart(cp) : !isContinue(cp)) {
                return k;
            }
            i += Character.charCount(cp);
            k++;
        }
        return k;
    }

    /** Python's {@code str.isprintable()} for one code point. */
    static boolean isPrintable(int cp) {
        return io.github.pycompile.PyRepr.isPrintable(cp);
    }

    /** UTF-8 length of a code point; an escaped undecodable byte counts one byte. */
    static int utf8Length(int cp) {
        if (cp < 0x80 || isEscapedByte(cp)) {
            return 1;
        }
        return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
