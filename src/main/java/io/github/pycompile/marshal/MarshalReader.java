package io.github.pycompile.marshal;

import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.Complex;
import io.github.pycompile.marshal.PyObject.Dict;
import io.github.pycompile.marshal.PyObject.Float;
import io.github.pycompile.marshal.PyObject.Int;
import io.github.pycompile.marshal.PyObject.PyList;
import io.github.pycompile.marshal.PyObject.PySet;
import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.marshal.PyObject.Slice;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code marshal.loads} into the object model, for cache files of {@code target}: {@code r}
 * references resolve to the same instance, and the objects that carried FLAG_REF are recorded
 * ({@link #flagged()}) so that a stream can be written back exactly.
 */
public final class MarshalReader {
    private final byte[] b;
    private int pos;
    private int depth;
    private final CodeLayout layout;
    private final boolean py2;
    private final List<PyObject> refs = new ArrayList<>();
    private final List<Bytes> interned2 = new ArrayList<>();
    private final Set<PyObject> flagged = Collections.newSetFromMap(new IdentityHashMap<>());

    public MarshalReader(byte[] data, int offset, PythonVersion target) {
        this.b = data;
        this.pos = offset;
        this.layout = CodeLayout.of(target);
        this.py2 = target.isPython2();
    }

    /**
     * Reads one object.
     *
     * @throws MarshalException for data CPython's {@code marshal.loads} rejects (truncated, unknown
     *     type code, bad reference, nested deeper than its limit)
     */
    public PyObject read() {
        try {
            return readObject();
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new MarshalException("EOFError", "marshal data too short");
        }
    }

    /**
     * One object. Containers are read in this frame (one Java frame per nesting level, so CPython's
     * 2,000 levels fit in a default thread stack).
     */
    private PyObject readObject() {
        if (pos >= b.length) {
            throw new MarshalException("EOFError", "EOF read where object expected");
        }
        // CPython counts every nested r_object call and gives up past its C stack guard
        if (++depth > MarshalWriter.MAX_DEPTH) {
            throw new MarshalException("ValueError", "recursion limit exceeded");
        }
        int code = u8();
        int type = code & 0x7f;
        PyObject o;
        switch (type) {
            case 'N': o = Singleton.NONE; break;
            case 'T': o = Singleton.TRUE; break;
            case 'F': o = Singleton.FALSE; break;
            case '.': o = Singleton.ELLIPSIS; break;
            case 'S': o = Singleton.STOP_ITERATION; break;
            case 'r': o = ref(refs, i32()); break;
            case 'R': o = ref(interned2, i32()); break;
            default: o = null; break;
        }
        if (o != null) {
            depth--;
            return o;
        }
        int slot = -1;
        if ((code & 0x80) != 0) {
            slot = refs.size();
            refs.add(null); // reserved before the children, as CPython numbers refs in pre-order
        }
        if (type == ')' || type == '(' || type == '[' || type == '<' || type == '>') {
            int n = type == ')' ? u8() : i32();
            List<PyObject> items = new ArrayList<>(capacity(n));
            for (int k = 0; k < n; k++) {
                items.add(readObject());
            }
            o = type == ')' || type == '(' ? new Tuple(items)
                    : type == '[' ? new PyList(items) : new PySet(items, type == '>');
        } else if (type == '{') {
            List<PyObject> keys = new ArrayList<>();
            List<PyObject> values = new ArrayList<>();
            while ((b[pos] & 0xff) != '0') {
                keys.add(readObject());
                values.add(readObject());
            }
            pos++;
            o = new Dict(keys, values);
        } else if (type == ':') {
            o = new Slice(readObject(), readObject(), readObject());
        } else if (type == 'c') {
            o = readCode();
        } else {
            o = scalar(type);
        }
        if (slot >= 0) {
            refs.set(slot, o);
            flagged.add(o);
        }
        depth--;
        return o;
    }

    private PyObject scalar(int type) {
        return switch (type) {
            case 'i' -> Int.of(i32());
            case 'I' -> new Int(BigInteger.valueOf(i64()), false);
            case 'l' -> readLong();
            case 'g' -> new Float(i64());
            case 'y' -> new Complex(i64(), i64());
            case 'z', 'Z' -> ascii(u8(), type == 'Z');
            case 'a', 'A' -> ascii(capacity(i32()), type == 'A');
            case 'u', 't' -> {
                int n = capacity(i32());
                if (py2 && type == 't') {
                    Bytes s = new Bytes(slice(n), true);
                    interned2.add(s);
                    yield s;
                }
                String v = Utf8.decode(b, pos, n);
                boolean lonePairs = Utf8.hasLonePair(b, pos, n);
                pos += n;
                yield new Str(v, type == 't', lonePairs);
            }
            case 's' -> new Bytes(slice(capacity(i32())), false);
            default -> throw new MarshalException("ValueError", "bad marshal data (unknown type code)");
        };
    }

    /** The objects written with FLAG_REF, by identity. */
    public Set<PyObject> flagged() {
        return flagged;
    }

    /** Offset of the next unread byte. */
    public int position() {
        return pos;
    }

    /**
     * A size read from the stream, checked before anything is allocated for it: negative is bad data,
     * more than the bytes left (every item takes at least one) is truncated data.
     */
    private int capacity(int n) {
        if (n < 0) {
            throw new MarshalException("ValueError", "bad marshal data (size out of range)");
        }
        if (n > b.length - pos) {
            throw new MarshalException("EOFError", "marshal data too short");
        }
        return n;
    }

    private static PyObject ref(List<? extends PyObject> table, int index) {
        PyObject o = index >= 0 && index < table.size() ? table.get(index) : null;
        if (o == null) {
            // out of range, or a container still being read: cycles cannot occur in code objects
            throw new MarshalException("ValueError", "bad marshal data (invalid reference)");
        }
        return o;
    }

    private Int readLong() {
        int n = i32();
        int count = Math.abs(n);
        BigInteger v = BigInteger.ZERO;
        for (int d = count - 1; d >= 0; d--) {
            int digit = (b[pos + 2 * d] & 0xff) | ((b[pos + 2 * d + 1] & 0xff) << 8);
            v = v.shiftLeft(15).or(BigInteger.valueOf(digit));
        }
        pos += 2 * count;
        return new Int(n < 0 ? v.negate() : v, py2);
    }

    private Str ascii(int n, boolean interned) {
        String v = new String(b, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return new Str(v, interned);
    }

    private Code readCode() {
        return switch (layout) {
            case A -> {
                int argc = i32(), nlocals = i32(), stack = i32(), flags = i32();
                PyObject code = readObject(), consts = readObject(), names = readObject(), varnames = readObject(), free = readObject(),
                        cell = readObject(), filename = readObject(), name = readObject();
                int first = i32();
                PyObject lnotab = readObject();
                yield new Code(argc, 0, 0, nlocals, stack, flags, code, consts, names, varnames, free, cell,
                        null, null, filename, name, null, first, lnotab, null);
            }
            case B, C -> {
                int argc = i32();
                int posonly = layout == CodeLayout.C ? i32() : 0;
                int kwonly = i32(), nlocals = i32(), stack = i32(), flags = i32();
                PyObject code = readObject(), consts = readObject(), names = readObject(), varnames = readObject(), free = readObject(),
                        cell = readObject(), filename = readObject(), name = readObject();
                int first = i32();
                PyObject table = readObject();
                yield new Code(argc, posonly, kwonly, nlocals, stack, flags, code, consts, names, varnames, free,
                        cell, null, null, filename, name, null, first, table, null);
            }
            case D -> {
                int argc = i32(), posonly = i32(), kwonly = i32(), stack = i32(), flags = i32();
                PyObject code = readObject(), consts = readObject(), names = readObject(), lpNames = readObject(), lpKinds = readObject(),
                        filename = readObject(), name = readObject(), qualname = readObject();
                int first = i32();
                PyObject table = readObject(), exc = readObject();
                yield new Code(argc, posonly, kwonly, 0, stack, flags, code, consts, names, null, null, null,
                        lpNames, lpKinds, filename, name, qualname, first, table, exc);
            }
        };
    }

    private byte[] slice(int n) {
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        pos += n;
        return out;
    }

    private int u8() {
        return b[pos++] & 0xff;
    }

    private int i32() {
        int v = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    private long i64() {
        long lo = i32() & 0xffffffffL;
        long hi = i32() & 0xffffffffL;
        return lo | (hi << 32);
    }
}
