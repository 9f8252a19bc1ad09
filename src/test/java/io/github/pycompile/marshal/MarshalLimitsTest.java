package io.github.pycompile.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pycompile.marshal.PyObject.Singleton;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where marshal gives up, as CPython does: the nesting limit of dumps and loads, and the errors of
 * loads on damaged data (type and message), checked against the live interpreter.
 */
class MarshalLimitsTest {

    private static PyObject nest(int tuples) {
        PyObject o = Singleton.NONE;
        for (int i = 0; i < tuples; i++) {
            o = new Tuple(List.of(o));
        }
        return o;
    }

    private static byte[] nestedBytes(int tuples) {
        byte[] out = new byte[2 * tuples + 1];
        for (int i = 0; i < tuples; i++) {
            out[2 * i] = ')';
            out[2 * i + 1] = 1;
        }
        out[2 * tuples] = 'N';
        return out;
    }

    /** 2,000 nested objects (1,999 tuples around None) are written and read; one more level is not. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_11", "V3_14"})
    void nestingLimit(PythonVersion v) {
        MarshalWriter.dumps(nest(1999), v, o -> false);
        MarshalException w = assertThrows(MarshalException.class, () -> MarshalWriter.dumps(nest(2000), v, o -> false));
        assertEquals("ValueError: object too deeply nested to marshal", w.getMessage());
        if (v.marshalVersion() >= 4) {
            new MarshalReader(nestedBytes(1999), 0, v).read();
            MarshalException r = assertThrows(MarshalException.class,
                    () -> new MarshalReader(nestedBytes(2000), 0, v).read());
            assertEquals("ValueError: recursion limit exceeded", r.getMessage());
        }
    }

    private static final List<String> DAMAGED = List.of("", "290200000000", "29024e", "720500000000", "01",
            "7a056162", "73ffffffff", "28ffffffff", "6c02000000ff");

    private static String ours(String hex) {
        try {
            new MarshalReader(HexFormat.of().parseHex(hex), 0, PythonVersion.V3_12).read();
            return "ok";
        } catch (MarshalException e) {
            return e.pythonType();
        }
    }

    /** The exception type CPython 3.12 raises for each damaged stream is ours too. */
    @org.junit.jupiter.api.Test
    void damagedDataRaisesWhatCPythonRaises() {
        var python = Interpreters.require(PythonVersion.V3_12);
        StringBuilder code = new StringBuilder("import marshal, binascii\n");
        code.append("for h in ").append(DAMAGED.stream().map(h -> "'" + h + "'").toList()).append(":\n")
                .append("    try:\n        marshal.loads(binascii.unhexlify(h)); print('ok')\n")
                .append("    except Exception as e:\n        print(type(e).__name__)\n");
        var r = Python.exec(List.of(python.toString(), "-c", code.toString()), null, null);
        assertEquals(0, r.status(), r.err());
        List<String> mine = new ArrayList<>();
        for (String h : DAMAGED) {
            mine.add(ours(h));
        }
        assertEquals(String.join("\n", r.out().strip().split("\n")), String.join("\n", mine));
    }
}
