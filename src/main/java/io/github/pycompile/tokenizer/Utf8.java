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
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b0, pos);
        }
        int k = 1;
        while (k <= need) {
            if (pos + k >= bytes.length) {
                return k == 1 ? String.format("'utf-8' codec can't decode byte 0x%02x in position %d: unexpected end of data", b0, pos)
                        : String.format("'utf-8' codec can't decode bytes in position %d-%d: unexpected end of data", pos, pos + k - 1);
            }
            int b = bytes[pos + k] & 0xff;
            boolean ok = k == 1 ? b >= lo && b <= hi : b >= 0x80 && b <= 0xBF;
            if (!ok) {
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
