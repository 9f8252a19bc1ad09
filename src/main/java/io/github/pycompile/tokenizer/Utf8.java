package io.github.pycompile.tokenizer;

/** Python's UTF-8 decoder error texts for text holding escaped undecodable bytes (U+DC80..U+DCFF). */
final class Utf8 {
    private Utf8() {}

    /**
     * The {@code str()} of the UnicodeDecodeError Python raises decoding the UTF-8 bytes of {@code s}
     * (whose char {@code firstBad} is the first escaped byte): "'utf-8' codec can't decode byte 0xff in
     * position 0: invalid start byte" and its variants.
     */
    static String decodeErrorMessage(String s, int firstBad) {
        byte[] bytes = toBytes(s);
        int pos = 0;
        for (int i = 0; i < firstBad; i++) {
            pos += Identifiers.utf8Length(s.codePointAt(i));
            if (Character.isHighSurrogate(s.charAt(i))) {
                i++;
            }
        }
        int b0 = bytes[pos] & 0xff;
        int need = io.github.pycompile.source.Utf8Rules.continuationCount(b0);
        if (need == 0) {
            return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b0, pos);
        }
        int k = 1;
        while (k <= need) {
            if (pos + k >= bytes.length) {
                return k == 1 ? String.format("'utf-8' codec can't decode byte 0x%02x in position %d: unexpected end of data", b0, pos)
                        : String.format("'utf-8' codec can't decode bytes in position %d-%d: unexpected end of data", pos, pos + k - 1);
            }
            if (!io.github.pycompile.source.Utf8Rules.validContinuation(b0, k, bytes[pos + k] & 0xff)) {
                return k == 1 ? String.format("'utf-8' codec can't decode byte 0x%02x in position %d: invalid continuation byte", b0, pos)
                        : String.format("'utf-8' codec can't decode bytes in position %d-%d: invalid continuation byte", pos, pos + k - 1);
            }
            k++;
        }
        return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b0, pos);
    }

    /** The source bytes of {@code s}: UTF-8, escaped bytes as themselves. */
    static byte[] toBytes(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Identifiers.isEscapedByte(c)) {
                out.write(c - 0xDC00);
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                if (cp > 0xFFFF) {
                    i++;
                }
            }
        }
        return out.toByteArray();
    }
}
