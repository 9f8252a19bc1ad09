package io.github.pycompile.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.marshal.PyObject.Bytes;
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
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Values written as each CPython's {@code marshal.dumps} writes them. The expected bytes are golden
 * files made by {@code scripts/golden/marshal_values.py} under each real interpreter; where that
 * interpreter is installed, the golden file is also checked against it.
 */
class MarshalValuesTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The cases of marshal_values.py, built the same way: top-level object and shared items flagged. */
    static Map<String, PyObject> cases(PythonVersion v) {
        Map<String, PyObject> c = new LinkedHashMap<>();
        for (String n : List.of("300", "-300", "2147483647", "-2147483648", "2147483648", "-2147483649",
                "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                "340282366920938463463374607431768211456", "-340282366920938463463374607431768211457", "32768",
                "1073741824")) {
            c.put("int_" + n, new Int(new BigInteger(n), false));
        }
        if (v.isPython2()) {
            c.put("long_5", new Int(BigInteger.valueOf(5), true));
        }
        c.put("float_1.5", Float.of(1.5));
        c.put("float_neg0", Float.of(-0.0));
        c.put("float_inf", Float.of(Double.POSITIVE_INFINITY));
        c.put("float_ninf", Float.of(Double.NEGATIVE_INFINITY));
        c.put("float_tiny", Float.of(Double.MIN_VALUE));
        c.put("float_big", Float.of(Double.MAX_VALUE));
        c.put("float_third", Float.of(0.3333333333333333));
        c.put("complex_1_2", new Complex(Double.doubleToRawLongBits(1.0), Double.doubleToRawLongBits(-2.5)));
        c.put("str_ascii_2", new Str("ab", false));
        c.put("str_ascii_255", new Str("x".repeat(255), false));
        c.put("str_ascii_256", new Str("y".repeat(256), false));
        c.put("str_latin1", new Str("caf\u00e9 na\u00efve", false));
        c.put("str_bmp", new Str("\u20ac and \u4e2d", false));
        c.put("str_astral", new Str("emoji \uD83D\uDE00!", false));
        c.put("bytes_3", new Bytes("a bc".getBytes(StandardCharsets.US_ASCII), false));
        c.put("bytes_300", new Bytes("z".repeat(300).getBytes(StandardCharsets.US_ASCII), false));
        Int big = Int.of(100000);
        c.put("tuple_shared_int", new Tuple(List.of(big, big, big)));
        c.put("tuple_mixed", new Tuple(List.of(Int.of(1000), Float.of(2.5), new Str("hello world", false),
                new Bytes(new byte[] {'q', 'q'}, false))));
        List<PyObject> t255 = new ArrayList<>();
        List<PyObject> t256 = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            if (i < 255) {
                t255.add(Int.of(1000 + i));
            }
            t256.add(Int.of(1000 + i));
        }
        c.put("tuple_255", new Tuple(t255));
        c.put("tuple_256", new Tuple(t256));
        c.put("list_2", new PyList(List.of(Int.of(1000), Int.of(2000))));
        addBoundaries(c, v);
        return c;
    }

    /**
     * The later cases of marshal_values.py. One-character latin-1 strs, {@code ''}, small ints, empty
     * and one-byte bytes and {@code ()} are CPython-wide cached objects: one Java instance each here.
     */
    private static void addBoundaries(Map<String, PyObject> c, PythonVersion v) {
        boolean py2 = v.isPython2();
        boolean since313 = v.atLeast(PythonVersion.V3_13);
        c.put("int_small_5", Int.of(5));
        c.put("int_small_-5", Int.of(-5));
        c.put("int_257", Int.of(257));
        c.put("int_-6", Int.of(-6));
        // 2.7 on x86 parses 'nan' to a NaN with the sign bit set; 3.x to the positive quiet NaN
        c.put("float_nan", py2 ? new Float(0xfff8000000000000L) : Float.of(Double.NaN));
        // '' is interned on every 3.x; one-character latin-1 strs are interned from 3.13 on
        c.put("str_empty", new Str("", !py2));
        Str tilde = new Str("~", since313);
        c.put("str_1_punct", tilde);
        c.put("str_1_latin1", new Str("\u00e9", since313));
        c.put("str_1_bmp", new Str("\u20ac", false));
        Tuple empty = new Tuple(List.of());
        c.put("tuple_empty", empty);
        c.put("tuple_nested", new Tuple(List.of(new Tuple(List.of(Int.of(1000))), empty)));
        if (py2) {
            Bytes name = new Bytes(ascii("zq_marshal_name"), true);
            c.put("bytes_interned", new Tuple(List.of(name, new Bytes(ascii("zq_marshal_name"), true),
                    new Bytes(ascii("zq_other"), true), name)));
            c.put("bytes_interned_300", new Bytes(ascii("w".repeat(300)), true));
            c.put("bytes_empty", new Bytes(new byte[0], true));
            c.put("bytes_1", new Bytes(ascii("q"), true));
            return;
        }
        c.put("bytes_empty", new Bytes(new byte[0], false));
        c.put("bytes_1", new Bytes(ascii("q"), false));
        c.put("str_interned", new Str("zq_marshal_name", true));
        c.put("str_interned_300", new Str("w".repeat(300), true));
        c.put("str_interned_latin1", new Str("zq_\u00e9t\u00e9", true));
        Str shared = new Str("zq_shared_name", true);
        c.put("tuple_interned_twice", new Tuple(List.of(shared, shared)));
        c.put("dict_1", new Dict(List.of(new Str("k y", false)), List.of(Int.of(1000))));
        if (v.atLeast(PythonVersion.V3_11)) {
            c.put("frozenset_mixed", new PySet(List.of(Int.of(1000), Int.of(3), new Str("^", since313), tilde,
                    new Str("zz", false), Float.of(2.5), Int.of(-1), new Tuple(List.of(Int.of(1), tilde)),
                    new Bytes(ascii("xy"), false), Int.of(70000), new Str("hello world", false)), true));
            c.put("set_ints", new PySet(List.of(Int.of(1000), Int.of(2000), Int.of(5), Int.of(-300)), false));
        }
        if (v.marshalVersion() >= 5) {
            c.put("slice", new Slice(Int.of(1000), Singleton.NONE, Int.of(5)));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * FLAG_REF where CPython's refcount is above one when marshal meets the object (reference §2.3):
     * the value itself (held by the case list), objects it holds twice, CPython's cached objects, and
     * from 3.11 interned strs and set elements (held by the writer's list of sort pairs). In a set
     * element's own sort key, 3.11/3.12 see the element before that list holds it.
     */
    static final class Policy implements Predicate<PyObject>, MarshalWriter.SetKeyAware {
        private final PyObject top;
        private final PythonVersion v;
        private final Map<PyObject, Integer> seen = new IdentityHashMap<>();
        private final Set<PyObject> setItems = Collections.newSetFromMap(new IdentityHashMap<>());

        Policy(PyObject top, PythonVersion v) {
            this.top = top;
            this.v = v;
            count(top);
        }

        private void count(PyObject o) {
            if (seen.merge(o, 1, Integer::sum) > 1) {
                return;
            }
            if (o instanceof Tuple t) {
                t.items().forEach(this::count);
            } else if (o instanceof PyList l) {
                l.items().forEach(this::count);
            } else if (o instanceof PySet s) {
                setItems.addAll(s.items());
                s.items().forEach(this::count);
            } else if (o instanceof Dict d) {
                d.keys().forEach(this::count);
                d.values().forEach(this::count);
            } else if (o instanceof Slice s) {
                count(s.start());
                count(s.stop());
                count(s.step());
            }
        }

        @Override
        public boolean test(PyObject o) {
            return flaggedInSetKey(o) || v.atLeast(PythonVersion.V3_11) && setItems.contains(o);
        }

        @Override
        public boolean flaggedInSetKey(PyObject o) {
            return o == top || seen.getOrDefault(o, 0) > 1 || cached(o)
                    || v.atLeast(PythonVersion.V3_11) && o instanceof Str s && s.interned();
        }

        private boolean cached(PyObject o) {
            if (o instanceof Int i) {
                return i.value().bitLength() < 16 && i.value().intValue() >= -5 && i.value().intValue() <= 256;
            } else if (o instanceof Str s) {
                return s.value().isEmpty() || s.value().length() == 1 && s.value().charAt(0) < 256;
            } else if (o instanceof Bytes b) {
                return b.value().length <= 1;
            }
            return o instanceof Tuple t && t.items().isEmpty();
        }
    }

    static Predicate<PyObject> policy(PyObject top, PythonVersion v) {
        return new Policy(top, v);
    }

    static Map<String, String> golden(PythonVersion v) throws IOException {
        Map<String, String> g = new LinkedHashMap<>();
        try (InputStream in = MarshalValuesTest.class.getResourceAsStream("/golden/marshal/" + v.dotted() + ".txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    g.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1).trim());
                }
            }
        }
        return g;
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13", "V3_14"})
    void valuesMatchGolden(PythonVersion v) throws IOException {
        Map<String, String> golden = golden(v);
        Map<String, PyObject> cases = cases(v);
        assertEquals(golden.keySet(), cases.keySet());
        for (Map.Entry<String, PyObject> e : cases.entrySet()) {
            byte[] ours = MarshalWriter.dumps(e.getValue(), v, policy(e.getValue(), v));
            assertEquals(golden.get(e.getKey()), HEX.formatHex(ours), v + " " + e.getKey());
            PyObject back = new MarshalReader(ours, 0, v).read();
            assertEquals(golden.get(e.getKey()), HEX.formatHex(MarshalWriter.dumps(back, v, policy(back, v))),
                    "read back " + e.getKey());
        }
    }

    @org.junit.jupiter.api.Test
    void golden314IsWhatPyodideWrites() throws IOException {
        var r = io.github.pycompile.testsupport.Pyodide.runScript(Path.of("scripts/golden/marshal_values.py"));
        assertEquals(0, r.status(), r.err());
        StringBuilder expected = new StringBuilder();
        golden(PythonVersion.V3_14).forEach((k, val) -> expected.append(k).append(' ').append(val).append('\n'));
        assertEquals(expected.toString(), r.out());
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void goldenIsWhatTheInterpreterWrites(PythonVersion v) throws IOException {
        Path python = Interpreters.require(v);
        var r = Python.exec(List.of(python.toString(), "scripts/golden/marshal_values.py"), null, null);
        assertEquals(0, r.status(), r.err());
        Map<String, String> g = golden(v);
        StringBuilder expected = new StringBuilder();
        g.forEach((k, val) -> expected.append(k).append(' ').append(val).append('\n'));
        assertEquals(expected.toString(), r.out());
    }
}
