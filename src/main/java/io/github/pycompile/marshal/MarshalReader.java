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

    /** Reads one object. */
    public PyObject read() {
        int code = u8();
        int flag = code & 0x80;
        int type = code & 0x7f;
        switch (type) {
            case 'N': return Singleton.NONE;
            case 'T': return Singleton.TRUE;
            case 'F': return Singleton.FALSE;
            case '.': return Singleton.ELLIPSIS;
            case 'S': return Singleton.STOP_ITERATION;
            case 'r': return refs.get(i32());
            case 'R': return interned2.get(i32());
            default: break;
        }
        int slot = -1;
        if (flag != 0) {
            slot = refs.size();
            refs.add(null); // reserved before the children, as CPython numbers refs in pre-order
        }
        PyObject o = switch (type) {
            case 'i' -> Int.of(i32());
            case 'I' -> new Int(BigInteger.valueOf(i64()), false);
            case 'l' -> readLong();
            case 'g' -> new Float(i64());
            case 'y' -> new Complex(i64(), i64());
            case 'z', 'Z' -> ascii(u8(), type == 'Z');
            case 'a', 'A' -> ascii(i32(), type == 'A');
            case 'u', 't' -> {
                int n = i32();
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
            case 's' -> new Bytes(slice(i32()), false);
            case ')' -> tuple(u8(), slot);
            case '(' -> tuple(i32(), slot);
            case '[' -> {
                int n = i32();
                List<PyObject> items = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    items.add(read());
                }
                yield new PyList(items);
            }
            case '{' -> {
                List<PyObject> keys = new ArrayList<>();
                List<PyObject> values = new ArrayList<>();
                while ((b[pos] & 0xff) != '0') {
                    keys.add(read());
                    values.add(read());
                }
                pos++;
                yield new Dict(keys, values);
            }
            case '<', '>' -> {
                int n = i32();
                List<PyObject> items = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    items.add(read());
                }
                yield new PySet(items, type == '>');
            }
            case ':' -> new Slice(read(), read(), read());
            case 'c' -> readCode();
            default -> throw new IllegalArgumentException(String.format(
                    "bad marshal type 0x%02x at offset %d", code, pos - 1));
        };
        if (slot >= 0) {
            refs.set(slot, o);
            flagged.add(o);
        }
        return o;
    }

    /** The objects written with FLAG_REF, by identity. */
    public Set<PyObject> flagged() {
        return flagged;
    }

    /** Offset of the next unread byte. */
    public int position() {
        return pos;
    }

    private PyObject tuple(int n, int slot) {
        List<PyObject> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            items.add(read());
        }
        return new Tuple(items);
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
                PyObject code = read(), consts = read(), names = read(), varnames = read(), free = read(),
                        cell = read(), filename = read(), name = read();
                int first = i32();
                PyObject lnotab = read();
                yield new Code(argc, 0, 0, nlocals, stack, flags, code, consts, names, varnames, free, cell,
                        null, null, filename, name, null, first, lnotab, null);
            }
            case B, C -> {
                int argc = i32();
                int posonly = layout == CodeLayout.C ? i32() : 0;
                int kwonly = i32(), nlocals = i32(), stack = i32(), flags = i32();
                PyObject code = read(), consts = read(), names = read(), varnames = read(), free = read(),
                        cell = read(), filename = read(), name = read();
                int first = i32();
                PyObject table = read();
                yield new Code(argc, posonly, kwonly, nlocals, stack, flags, code, consts, names, varnames, free,
                        cell, null, null, filename, name, null, first, table, null);
            }
            case D -> {
                int argc = i32(), posonly = i32(), kwonly = i32(), stack = i32(), flags = i32();
                PyObject code = read(), consts = read(), names = read(), lpNames = read(), lpKinds = read(),
                        filename = read(), name = read(), qualname = read();
                int first = i32();
                PyObject table = read(), exc = read();
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
