package io.github.pycompile.pyc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CacheFilesTest {
    static final List<String> PATHS = List.of("m.py", "pkg/m.py", "/abs/dir/m.py", "a.b.c.py", "noext", ".hidden",
            "dir.d/file", "x/y/", "dir//m.py", "/m.py", "m.pyw", "ünï/cödé.py", "a/.py", "m.", "./m.py");

    @Test
    void python2AppendsCOrO() {
        assertEquals("pkg/m.pyc", CacheFiles.cacheFromSource("pkg/m.py", PythonVersion.V2_7, 0));
        assertEquals("pkg/m.pyo", CacheFiles.cacheFromSource("pkg/m.py", PythonVersion.V2_6, 1));
        assertEquals("pkg/m.pyo", CacheFiles.cacheFromSource("pkg/m.py", PythonVersion.V2_7, 2));
    }

    @Test
    void python3UsesPycacheAndOptTags() {
        assertEquals("app/__pycache__/main.cpython-311.pyc", CacheFiles.cacheFromSource("app/main.py", PythonVersion.V3_11, 0));
        assertEquals("__pycache__/m.cpython-314.opt-2.pyc", CacheFiles.cacheFromSource("m.py", PythonVersion.V3_14, 2));
    }

    /** Against importlib.util.cache_from_source of each installed 3.x, optimization '', 1 and 2. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void matchesInstalledCpython(PythonVersion v) {
        var python = Interpreters.require(v);
        var r = Python.run(python, null, String.join("\n", PATHS) + "\n",
                "import sys, importlib.util\n"
                        + "import io; sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='utf-8')\n"
                        + "for line in sys.stdin.buffer.read().decode('utf-8').splitlines():\n"
                        + "    for o in ('', 1, 2):\n"
                        + "        print(importlib.util.cache_from_source(line, optimization=o))\n");
        assertEquals(0, r.status(), r.err());
        String[] expected = r.out().split("\n");
        int k = 0;
        for (String p : PATHS) {
            for (int o = 0; o <= 2; o++) {
                assertEquals(expected[k++], CacheFiles.cacheFromSource(p, v, o), p + " opt " + o);
            }
        }
    }
}
