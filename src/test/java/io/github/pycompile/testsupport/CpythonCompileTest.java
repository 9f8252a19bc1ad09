package io.github.pycompile.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.marshal.MarshalReader;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference bodies of end-to-end tests: what CPython's py_compile writes after the header. */
class CpythonCompileTest {
    @TempDir
    Path tmp;

    @Test
    void python314ThroughPyodide() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.py"), "x = 1\n");
        CpythonCompile.Result r = CpythonCompile.compile(PythonVersion.V3_14, 2, List.of(good), Path::toString).get(good);
        assertTrue(r.ok());
        PyObject.Code code = (PyObject.Code) new MarshalReader(r.body(), 0, PythonVersion.V3_14).read();
        assertEquals(good.toString(), ((PyObject.Str) code.filename()).value());
    }

    @Test
    void bodiesErrorsAndWarningsPerFile() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.py"), "'''doc'''\nassert x\nif x is 1: pass\n");
        Path bad = Files.writeString(tmp.resolve("bad.py"), "def f(:\n");
        for (int level = 0; level <= 2; level++) {
            Map<Path, CpythonCompile.Result> r = CpythonCompile.compile(PythonVersion.V3_11, level, List.of(good, bad),
                    p -> "/opt/" + p.getFileName());
            CpythonCompile.Result g = r.get(good);
            assertTrue(g.ok());
            PyObject.Code code = (PyObject.Code) new MarshalReader(g.body(), 0, PythonVersion.V3_11).read();
            assertEquals("/opt/good.py", ((PyObject.Str) code.filename()).value());
            List<PyObject> consts = ((PyObject.Tuple) code.consts()).items();
            assertEquals(level < 2, consts.stream().anyMatch(c -> c instanceof PyObject.Str s && s.value().equals("doc")),
                    "docstring at -O" + level);
            assertEquals(1, g.warnings().size());
            assertEquals("SyntaxWarning", g.warnings().get(0).category());
            assertEquals(3, g.warnings().get(0).lineno());
            CpythonCompile.Result b = r.get(bad);
            assertFalse(b.ok());
            assertEquals("SyntaxError", b.errorType());
            assertEquals(1, b.lineno());
        }
    }
}
