package io.github.pycompile.assemble;

import java.util.Arrays;

/** A growable byte buffer. */
final class ByteSink {
    private byte[] buf = new byte[64];
    private int len;

    void put(int b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, len * 2);
        }
        buf[len++] = (byte) b;
    }

    int size() {
        return len;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }
}
