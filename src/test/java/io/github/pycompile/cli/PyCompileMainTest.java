package io.github.pycompile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PyCompile;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Python;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code python -m py_compile} of each installed version against our {@code main} for the cases that
 * do not need a compiler: missing files (named or from stdin), no arguments, {@code -q}. Where CPython
 * lets the OSError escape as a traceback (before 3.10, files named on the command line), only its
 * last line is compared: we print that line, not a Python traceback.
 */
class PyCompileMainTest {
    @TempDir
    Path tmp;

    record Case(List<String> args, String stdin) {}

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void errorOutputAndStatusMatch(PythonVersion v) {
        Path python = Interpreters.require(v);
        List<Case> cases = new ArrayList<>(List.of(
                new Case(List.of("missing.py"), null),
                new Case(List.of("missing.py", "other.py"), null),
                new Case(List.of("-"), "missing.py\nother.py\n"),
                new Case(List.of(), null)));
        if (v.atLeast(PythonVersion.V3_10)) {
            cases.add(new Case(List.of("-q", "missing.py"), null));
            cases.add(new Case(List.of("--bogus", "x.py"), null));
        }
        for (Case c : cases) {
            List<String> cmd = new ArrayList<>(List.of(python.toString(), "-m", "py_compile"));
            cmd.addAll(c.args());
            Python.Result real = Python.exec(cmd, tmp, c.stdin() == null ? "" : c.stdin());

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<String> args = c.args().stream().map(a -> a.endsWith(".py") ? tmp.resolve(a).toString() : a).toList();
            String stdin = c.stdin() == null ? "" : c.stdin().replace("missing.py", tmp.resolve("missing.py").toString())
                    .replace("other.py", tmp.resolve("other.py").toString());
            int status = new PyCompile(Compilers::forTarget, new PrintStream(err, true, StandardCharsets.UTF_8), null)
                    .main(args, CompileOptions.of(v), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                            new PrintStream(out, true, StandardCharsets.UTF_8));
            String ours = err.toString(StandardCharsets.UTF_8).replace(tmp + "/", "");
            String theirs = real.err();
            if (theirs.startsWith("Traceback")) {
                String[] lines = theirs.split("\n");
                theirs = lines[lines.length - 1] + "\n";
            }
            assertEquals(real.status(), status, v + " status for " + c);
            assertEquals(theirs, ours, v + " stderr for " + c);
        }
    }
}
