package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonCompile;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A string with an invalid escape as a call's first argument warns once, however deep the calls nest,
 * as CPython does (the parser once read a call's first argument twice, so the warning came 2^depth
 * times). Expected: one warning per snippet, as CPython 3.11.7 and 3.12.1 gave them; where the
 * interpreter is installed, its live answer is compared too.
 */
class CallArgumentWarningTest {
    private static final List<String> SNIPPETS = List.of("f('\\d')\n", "f(g('\\d'))\n", "f(g(h('\\d')), 1)\n",
            "x = f(a, g('\\d'))\n");

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_11", "V3_12"})
    void oneWarningPerLiteral(PythonVersion v, @TempDir Path dir) throws Exception {
        String category = v.atLeast(PythonVersion.V3_12) ? "SyntaxWarning" : "DeprecationWarning";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            Path f = dir.resolve("s" + i + ".py");
            Files.writeString(f, SNIPPETS.get(i), StandardCharsets.UTF_8);
            files.add(f);
        }
        Map<Path, CpythonCompile.Result> live = Interpreters.find(v).isPresent()
                ? CpythonCompile.compile(v, 0, files, Path::toString) : Map.of();
        for (Path f : files) {
            List<String> ours = new ArrayList<>();
            Parser311.parseModule(Files.readAllBytes(f), f.toString(), v, w -> ours.add(describe(w)));
            assertEquals(List.of(category + ":1: invalid escape sequence '\\d'"), ours, f.toString());
            CpythonCompile.Result want = live.get(f);
            if (want != null) {
                List<String> theirs = new ArrayList<>();
                for (CpythonCompile.Warning w : want.warnings()) {
                    theirs.add(w.category() + ":" + w.lineno() + ": " + w.message());
                }
                assertEquals(theirs, ours, f + " (live CPython " + v.dotted() + ")");
            }
        }
    }

    private static String describe(CompilerWarning w) {
        return w.category() + ":" + w.lineno() + ": " + w.message();
    }
}
