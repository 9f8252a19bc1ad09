package io.github.pycompile.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Bytes;
import io.github.pycompile.marshal.PyObject.Int;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python 2.7's constant semantics as the 2.x peephole optimiser needs them (values checked with python2.7). */
class Py2ValuesTest {

    private static Int i(long v) {
        return Int.of(v);
    }

    private static Bytes s(String v) {
        return new Bytes(v.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private static String text(PyObject o) {
        return new String(((Bytes) o).value(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void intOverflowBecomesLong() {
        assertEquals(new Int(BigInteger.ONE.shiftLeft(63), true), Py2Values.binary("POWER", i(2), i(63)));
        assertEquals(new Int(BigInteger.ONE.shiftLeft(62), false), Py2Values.binary("POWER", i(2), i(62)));
        assertEquals(new Int(BigInteger.valueOf(Long.MIN_VALUE).negate(), true),
                Py2Values.unary("NEGATIVE", i(Long.MIN_VALUE)));
        // long stays long, however small
        assertEquals(new Int(BigInteger.valueOf(2), true),
                Py2Values.binary("SUBTRACT", new Int(BigInteger.valueOf(5), true), i(3)));
    }

    @Test
    void floorDivisionAndModuloFollowTheDivisorsSign() {
        assertEquals(i(-4), Py2Values.binary("FLOOR_DIVIDE", i(7), i(-2)));
        assertEquals(i(2), Py2Values.binary("MODULO", i(-7), i(3)));
        assertEquals(PyObject.Float.of(-0.5), Py2Values.binary("MODULO", PyObject.Float.of(7.0), PyObject.Float.of(-2.5)));
        assertEquals(PyObject.Float.of(3.0), Py2Values.binary("FLOOR_DIVIDE", PyObject.Float.of(7.5), i(2)));
        assertNull(Py2Values.binary("FLOOR_DIVIDE", i(1), i(0)), "ZeroDivisionError is not folded");
        assertNull(Py2Values.binary("LSHIFT", i(1), i(-1)), "a negative shift raises");
    }

    @Test
    void sequencesAndStrings() {
        assertEquals("abab", text(Py2Values.binary("MULTIPLY", s("ab"), i(2))));
        assertEquals("b", text(Py2Values.binary("SUBSCR", s("abc"), i(1))));
        assertTrue(((Bytes) Py2Values.binary("SUBSCR", s("abc"), i(1))).interned(), "the shared one-character str");
        assertNull(Py2Values.binary("SUBSCR", s("abc"), i(3)));
        assertEquals("\"it's\"", text(Py2Values.unary("CONVERT", s("it's"))));
        assertEquals("'a\\n\\x00'", text(Py2Values.unary("CONVERT", s("a\n\0"))));
        assertEquals("(1, 'a')", new String(((Bytes) Py2Values.unary("CONVERT",
                new PyObject.Tuple(List.of(i(1), s("a"))))).value(), StandardCharsets.ISO_8859_1));
        assertEquals("5L", new String(((Bytes) Py2Values.unary("CONVERT",
                new Int(BigInteger.valueOf(5), true))).value(), StandardCharsets.ISO_8859_1));
        assertEquals("1", text(Py2Values.binary("MODULO", s("%s"), i(1))));
        assertNull(Py2Values.binary("MODULO", s("%s %s"), i(1)), "not enough arguments");
    }

    @Test
    void constantKeysSeparateTypesAndSignedZeros() {
        assertFalse(Py2Values.keyEquals(i(1), new Int(BigInteger.ONE, true)), "1 and 1L");
        assertFalse(Py2Values.keyEquals(i(1), PyObject.Float.of(1.0)), "1 and 1.0");
        assertFalse(Py2Values.keyEquals(PyObject.Float.of(0.0), PyObject.Float.of(-0.0)), "0.0 and -0.0");
        assertFalse(Py2Values.keyEquals(s("a"), new PyObject.Str("a", false)), "str and unicode");
        assertTrue(Py2Values.keyEquals(new PyObject.Tuple(List.of(i(1), s("a"))),
                new PyObject.Tuple(List.of(i(1), s("a")))));
        assertFalse(Py2Values.keyEquals(new PyObject.Tuple(List.of(i(1))),
                new PyObject.Tuple(List.of(PyObject.Float.of(1.0)))));
    }

    @Test
    void exactPowersOnlyForFloats() {
        assertEquals(PyObject.Float.of(0.125), Py2Values.binary("POWER", PyObject.Float.of(2.0), i(-3)));
        assertEquals(PyObject.Float.of(0.25), Py2Values.binary("POWER", i(2), i(-2)));
        // python2.7 gives 14.198569999999998, 0.001, 2.23606797749979 (true values within 0.25 ULP)
        assertEquals(PyObject.Float.of(14.198569999999998), Py2Values.binary("POWER", PyObject.Float.of(1.7), i(5)));
        assertEquals(PyObject.Float.of(0.001), Py2Values.binary("POWER", PyObject.Float.of(10.0), i(-3)));
        assertEquals(PyObject.Float.of(2.23606797749979), Py2Values.binary("POWER", i(5), PyObject.Float.of(0.5)));
        // 1.7 ** 10 is 0.466 ULP from a double and sqrt(2) 0.435: the other neighbour is more than
        // glibc's 0.52 ULP away, so python2.7 gives the nearest double (201.59939004489993, 1.4142135623730951)
        assertEquals(PyObject.Float.of(201.59939004489993), Py2Values.binary("POWER", PyObject.Float.of(1.7), i(10)));
        assertEquals(PyObject.Float.of(1.4142135623730951), Py2Values.binary("POWER", i(2), PyObject.Float.of(0.5)));
        // 1.1 ** 10 is 0.4895 ULP from a double: within glibc's error of the other one, refused
        assertThrows(Py2Values.Unreproducible.class, () -> Py2Values.binary("POWER", PyObject.Float.of(1.1), i(10)));
        assertThrows(Py2Values.Unreproducible.class, () -> Py2Values.binary("POWER", i(2), PyObject.Float.of(0.3)));
        assertNull(Py2Values.binary("POWER", PyObject.Float.of(0.0), i(-1)), "ZeroDivisionError");
    }
}
