package io.github.pycompile.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pycompile.compiler.CompiledModule;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal run three times, as antlr4-maven-plugin tests it: everything built; nothing changed
 * (no file compiled, caches byte-identical and not rewritten); one input changed (only it rebuilt).
 * A stand-in core records which files it was asked to compile.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    private final List<String> compiled = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ModuleCompiler standIn = (source, filename, options) -> {
        compiled.add(filename.substring(filename.lastIndexOf('/') + 1));
        return new CompiledModule(new byte[] {'N'}, List.of());
    };

    @BeforeEach
    void sources() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("src/app"));
        for (String n : List.of("a.py", "b.py", "c.py")) {
            Files.writeString(app.resolve(n), "x = '" + n + "'\n");
            Files.setLastModifiedTime(app.resolve(n), FileTime.fromMillis(1_600_000_000_000L));
        }
    }

    private CompileRequest request(int optimize, String dfilePrefix) {
        return new CompileRequest(tmp.resolve("src"), List.of("app/a.py", "app/b.py", "app/c.py"), tmp.resolve("out"),
                PythonVersion.V3_11, optimize, dfilePrefix, true, null, tmp.resolve("status/default.state"));
    }

    private void run(CompileRequest r) throws Exception {
        compiled.clear();
        new CompileExecutor(new SystemStreamLog(), null, v -> standIn, "test-build").execute(r);
        java.util.Collections.sort(compiled); // files are compiled in parallel
    }

    private Map<String, String> outputs() throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (var s = Files.walk(tmp.resolve("out"))) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(tmp.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() + ":"
                        + java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    @Test
    void onlyChangedInputsAreCompiledAgain() throws Exception {
        run(request(0, null));
        assertEquals(List.of("a.py", "b.py", "c.py"), compiled);
        Map<String, String> first = outputs();
        assertEquals(3, first.size());

        run(request(0, null));
        assertEquals(List.of(), compiled, "nothing changed: nothing compiled");
        assertEquals(first, outputs(), "caches neither changed nor rewritten");

        Path b = tmp.resolve("src/app/b.py");
        Files.writeString(b, "x = 'changed'\n");
        run(request(0, null));
        assertEquals(List.of("b.py"), compiled);
        assertEquals(first.get("out/app/__pycache__/a.cpython-311.pyc"), outputs().get("out/app/__pycache__/a.cpython-311.pyc"));
    }

    @Test
    void settingsThatShapeTheCacheRebuildIt() throws Exception {
        run(request(0, null));
        run(request(0, "/opt/app"));
        assertEquals(List.of("a.py", "b.py", "c.py"), compiled, "dfile (co_filename) changed");
        run(request(0, "/opt/app"));
        assertEquals(List.of(), compiled);
        run(request(2, "/opt/app"));
        assertEquals(List.of("a.py", "b.py", "c.py"), compiled, "another cache file per level");
        run(request(2, "/opt/app"));
        assertEquals(List.of(), compiled);
    }

    @Test
    void aTouchedOrDeletedCacheIsWrittenAgain() throws Exception {
        run(request(0, null));
        Path cache = tmp.resolve("out/app/__pycache__/c.cpython-311.pyc");
        byte[] good = Files.readAllBytes(cache);
        Files.write(cache, new byte[] {1, 2, 3});
        Files.delete(tmp.resolve("out/app/__pycache__/a.cpython-311.pyc"));
        run(request(0, null));
        assertEquals(List.of("a.py", "c.py"), compiled);
        assertArrayEquals(good, Files.readAllBytes(cache));
    }

    @Test
    void withoutStateEveryFileIsCompiled() throws Exception {
        CompileRequest r = request(0, null);
        CompileRequest noState = new CompileRequest(r.sourceDirectory(), r.files(), r.outputDirectory(), r.target(),
                r.optimize(), r.dfilePrefix(), r.doraise(), r.invalidationMode(), null);
        run(noState);
        run(noState);
        assertEquals(List.of("a.py", "b.py", "c.py"), compiled);
    }
}
