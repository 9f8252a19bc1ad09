package io.github.pycompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.compiler.CompiledModule;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The py_compile facade around the compiler core: cache paths, headers, atomic writing, permissions
 * and refusals, checked against files the real interpreters write. The core is replaced by a
 * compiler that returns the body CPython wrote, so everything but the compiling is compared whole.
 */
class PyCompileTest {
    @TempDir
    Path tmp;

    private static final String SOURCE = "\"\"\"doc\"\"\"\nimport os\nx = 1\n";

    private static ModuleCompiler returning(byte[] body) {
        return (src, filename, options) -> new CompiledModule(body, List.of());
    }

    private static PrintStream sink(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void wholeFileEqualsCpythonsForEveryInvalidationMode(PythonVersion v) throws Exception {
        Path python = Interpreters.require(v);
        List<InvalidationMode> modes = v.hasPep552Header() ? Arrays.asList(InvalidationMode.values())
                : List.of(InvalidationMode.TIMESTAMP);
        for (InvalidationMode mode : modes) {
            Path dir = Files.createDirectories(tmp.resolve(v.dotted() + "-" + mode));
            Path src = dir.resolve("m.py");
            Files.writeString(src, SOURCE);
            Files.setLastModifiedTime(src, FileTime.fromMillis(1_700_000_123_456L));
            Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rw-r-----"));
            String call = v.hasPep552Header()
                    ? "py_compile.compile('m.py', cfile='cp.pyc', doraise=True, invalidation_mode=py_compile.PycInvalidationMode."
                            + mode.name() + ")"
                    : "py_compile.compile('m.py', cfile='cp.pyc', doraise=True)";
            var r = Python.run(python, dir, null, "import py_compile; " + call);
            assertEquals(0, r.status(), r.err());
            byte[] theirs = Files.readAllBytes(dir.resolve("cp.pyc"));
            int hs = v.headerSize();
            byte[] body = Arrays.copyOfRange(theirs, hs, theirs.length);

            PyCompile pc = new PyCompile(t -> returning(body), System.err, null);
            String cfile = dir.resolve("ours.pyc").toString();
            assertEquals(cfile, pc.compileFile(src.toString(), cfile, "m.py", true,
                    new CompileOptions(v, 0, v.hasPep552Header() ? mode : null)));
            assertArrayEquals(theirs, Files.readAllBytes(Path.of(cfile)), v + " " + mode);
            assertEquals(Files.getPosixFilePermissions(dir.resolve("cp.pyc")),
                    Files.getPosixFilePermissions(Path.of(cfile)), "permissions " + v);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_11", "V3_13"})
    void refusesSymlinkedCacheWithCpythonsMessage(PythonVersion v) throws Exception {
        Path python = Interpreters.require(v);
        Path src = tmp.resolve("m.py");
        Files.writeString(src, SOURCE);
        Path real = Files.writeString(tmp.resolve("real.pyc"), "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("link.pyc"), real);
        var r = Python.run(python, tmp, null, "import py_compile, sys\n"
                + "try:\n    py_compile.compile('m.py', cfile='link.pyc', doraise=True)\n"
                + "except FileExistsError as e:\n    sys.stdout.write(type(e).__name__ + ':' + str(e))\n");
        PyCompile pc = new PyCompile(t -> returning(new byte[] {'N'}), System.err, null);
        PyOSError e = assertThrows(PyOSError.class,
                () -> pc.compileFile("m.py", link.toString(), null, true, CompileOptions.of(v)));
        assertEquals(r.out().replace("link.pyc", link.toString()), e.typeName() + ":" + e.pythonText());
        assertEquals("keep", Files.readString(real));
    }

    @Test
    void python2WritesThroughSymlink() throws Exception {
        Path src = Files.writeString(tmp.resolve("m.py"), SOURCE);
        Path real = Files.writeString(tmp.resolve("real.pyc"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("m.pyc"), real);
        PyCompile pc = new PyCompile(t -> returning(new byte[] {'N'}), System.err, null);
        assertEquals(link.toString(), pc.compileFile(src.toString(), null, null, true, CompileOptions.of(PythonVersion.V2_7)));
        assertTrue(Files.isSymbolicLink(link));
        byte[] written = Files.readAllBytes(real);
        assertEquals(9, written.length);
        assertEquals('N', written[8]);
    }

    /** A compiler warning printed as python -m py_compile prints it, with and without a readable dfile. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_8", "V3_11", "V3_12", "V3_13"})
    void warningsPrintedAsCpythonDoes(PythonVersion v) throws Exception {
        Path python = Interpreters.require(v);
        Files.writeString(tmp.resolve("m.py"), "x = 1\nif x is 1:\n    pass\n");
        for (String dfile : new String[] {null, "/opt/x/m.py"}) {
            var r = Python.run(python, tmp, null, "import py_compile; py_compile.compile('m.py', cfile='cp.pyc', dfile="
                    + (dfile == null ? "None" : "'" + dfile + "'") + ")");
            String theirs = r.err();
            String message = theirs.substring(theirs.indexOf("SyntaxWarning: ") + 15, theirs.indexOf('\n'));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PyCompile pc = new PyCompile(t -> (s, f, o) -> new CompiledModule(new byte[] {'N'},
                    List.of(new io.github.pycompile.compiler.CompilerWarning("SyntaxWarning", message, f, 2))),
                    sink(err), null);
            String cwd = System.getProperty("user.dir");
            String file = tmp.resolve("m.py").toString();
            pc.compileFile(file, tmp.resolve("ours.pyc").toString(), dfile, true, CompileOptions.of(v));
            String expected = dfile == null ? file + theirs.substring("m.py".length()) : theirs;
            assertEquals(expected, err.toString(StandardCharsets.UTF_8),
                    v + " dfile " + dfile + " (cwd " + cwd + ")");
        }
    }

    @Test
    void defaultCachePathAndSourceDateEpoch() throws Exception {
        Path src = Files.writeString(tmp.resolve("m.py"), SOURCE);
        PyCompile pc = new PyCompile(t -> returning(new byte[] {'N'}), System.err, "1234");
        String out = pc.compileFile(src.toString(), null, null, true, CompileOptions.of(PythonVersion.V3_12).withOptimize(1));
        assertEquals(tmp.resolve("__pycache__/m.cpython-312.opt-1.pyc").toString(), out);
        byte[] b = Files.readAllBytes(Path.of(out));
        assertEquals(3, b[4], "SOURCE_DATE_EPOCH selects checked-hash");
    }

    @Test
    void withoutDoraiseTheMessageGoesToStderrAndNothingIsWritten() throws Exception {
        Path src = Files.writeString(tmp.resolve("m.py"), SOURCE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PyCompile pc = new PyCompile(t -> (s, f, o) -> {
            throw PythonError.plain("ValueError", "source code string cannot contain null bytes");
        }, sink(err), null);
        assertNull(pc.compileFile(src.toString(), null, "shown.py", false, CompileOptions.of(PythonVersion.V3_11)));
        assertEquals("Sorry: ValueError: source code string cannot contain null bytes\n", err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("__pycache__")));
    }

    @Test
    void unsupportedConstructIsAnErrorNamingTargetAndNothingIsWritten() throws Exception {
        // a folded constant tuple with a name-like string 2.6's start-up interning table does not know: refused
        Path src = Files.writeString(tmp.resolve("m.py"), "x = ('zq_unlikely_name_42', 1)\n");
        PyCompile pc = new PyCompile(Compilers::forTarget, System.err, null);
        PyCompileError e = assertThrows(PyCompileError.class,
                () -> pc.compileFile(src.toString(), null, null, true, CompileOptions.of(PythonVersion.V2_6)));
        assertEquals("NotImplementedError", e.excTypeName());
        assertTrue(e.msg().contains("CPython 2.6"), e.msg());
        assertFalse(Files.exists(tmp.resolve("m.pyc")));
    }

    /** The SyntaxError text py_compile prints, fed with the attributes the real interpreter reports. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void syntaxErrorMessageMatchesCpython(PythonVersion v) throws Exception {
        Path python = Interpreters.require(v);
        String[] bad = {"def f(:\n    pass\n", "x = (1,\n", "if x\n    pass\n", "  a = 1 +* 2\n", "print 'x' if\n",
            "class C:\n\tdef f(self): return 1 2\n"};
        for (int i = 0; i < bad.length; i++) {
            Path f = tmp.resolve("bad" + i + ".py");
            Files.writeString(f, bad[i]);
            var r = Python.run(python, tmp, null, "import py_compile, sys\n"
                    + "try:\n    py_compile.compile(sys.argv[1], cfile='x.pyc', doraise=True)\n"
                    + "except py_compile.PyCompileError as e:\n"
                    + "    v = e.exc_value\n"
                    + "    if e.exc_type_name != 'SyntaxError': print('SKIP'); sys.exit(0)\n"
                    + "    a = [v.msg, v.filename, v.lineno, v.offset, v.text, getattr(v, 'end_lineno', None), getattr(v, 'end_offset', None)]\n"
                    + "    print(repr([(-1 if x is None else x) for x in a]))\n"
                    + "    sys.stdout.write(e.msg)\n", f.getFileName().toString());
            assertEquals(0, r.status(), r.err());
            if (r.out().startsWith("SKIP")) {
                continue;
            }
            String first = r.out().substring(0, r.out().indexOf('\n'));
            String expectedMsg = r.out().substring(first.length() + 1);
            List<String> parts = PyListLiteral.parse(first);
            int lineno = Integer.parseInt(parts.get(2));
            PythonError err = new PythonError("SyntaxError", parts.get(0), parts.get(1), lineno,
                    Integer.parseInt(parts.get(3)), parts.get(4).equals("-1") ? null : parts.get(4),
                    Integer.parseInt(parts.get(5)), Integer.parseInt(parts.get(6)));
            assertEquals(expectedMsg, PyCompileError.of(err, f.getFileName().toString(), v).msg(), v + " " + bad[i]);
        }
    }
}
