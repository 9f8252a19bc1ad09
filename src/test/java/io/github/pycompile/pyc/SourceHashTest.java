package io.github.pycompile.pyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SourceHashTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Produced by CPython 3.14.2 (pyodide 314.0.7): scripts/golden/pyc_source_hash_314.mjs. */
    @Test
    void matchesCpython314() {
        assertEquals("d3a36b4fe5810f3c",
                HEX.formatHex(SourceHash.of(PythonVersion.V3_14, "x=1".getBytes(StandardCharsets.US_ASCII))));
    }

    /** The same inputs as for the installed interpreters, against CPython 3.14 in pyodide. */
    @Test
    void matchesPyodide314() {
        Random rnd = new Random(314);
        StringBuilder code = new StringBuilder("import importlib.util, binascii\n");
        List<byte[]> inputs = new ArrayList<>();
        for (int n = 0; n <= 40; n++) {
            byte[] b = new byte[n];
            rnd.nextBytes(b);
            inputs.add(b);
            code.append("print(importlib.util.source_hash(binascii.unhexlify('").append(HEX.formatHex(b)).append("')).hex())\n");
        }
        var r = io.github.pycompile.testsupport.Pyodide.run(code.toString());
        assertEquals(0, r.status(), r.err());
        String[] expected = r.out().split("\n");
        assertEquals(inputs.size(), expected.length);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(expected[i], HEX.formatHex(SourceHash.of(PythonVersion.V3_14, inputs.get(i))));
        }
    }

    @Test
    void refusedBefore37() {
        assertThrows(IllegalArgumentException.class, () -> SourceHash.of(PythonVersion.V3_6, new byte[0]));
    }

    /** Every length 0..70 plus some long inputs, against the interpreter's importlib.util.source_hash. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void matchesInstalledCpython(PythonVersion v) {
        var python = Interpreters.require(v);
        Random rnd = new Random(552);
        List<byte[]> inputs = new ArrayList<>();
        for (int n = 0; n <= 70; n++) {
            byte[] b = new byte[n];
            rnd.nextBytes(b);
            inputs.add(b);
        }
        inputs.add(new byte[4096]);
        byte[] big = new byte[10007];
        rnd.nextBytes(big);
        inputs.add(big);
        StringBuilder stdin = new StringBuilder();
        for (byte[] b : inputs) {
            stdin.append(HEX.formatHex(b)).append('\n');
        }
        var r = Python.run(python, null, stdin.toString(),
                "import sys, binascii, importlib.util\n"
                        + "for line in sys.stdin:\n"
                        + "    print(binascii.hexlify(importlib.util.source_hash(binascii.unhexlify(line.strip()))).decode())\n");
        assertEquals(0, r.status(), r.err());
        String[] expected = r.out().split("\n");
        assertEquals(inputs.size(), expected.length);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(expected[i], HEX.formatHex(SourceHash.of(v, inputs.get(i))), "input length " + inputs.get(i).length);
        }
    }
}
