package io.github.pycompile.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.compiler.CompiledModule;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.build.incremental.BuildContext;

/** Errors and warnings reach the IDE as markers on the source line; written caches are refreshed. */
class IdeMarkersTest {
    @TempDir
    Path tmp;

    @Test
    void errorsAndWarningsBecomeMarkers() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("src/app"));
        Files.writeString(app.resolve("ok.py"), "x = 1\n");
        Files.writeString(app.resolve("bad.py"), "x = (\n");
        ModuleCompiler standIn = (source, filename, options) -> {
            if (filename.endsWith("bad.py")) {
                throw new PythonError("SyntaxError", "'(' was never closed", filename, 1, 5, "x = (", -1, -1);
            }
            return new CompiledModule(new byte[] {'N'},
                    List.of(new CompilerWarning("SyntaxWarning", "\"is\" with a literal. Did you mean \"==\"?", filename, 1)));
        };
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        BuildContext context = (BuildContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BuildContext.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("addMessage")) {
                        calls.add("marker " + ((File) args[0]).getName() + ":" + args[1] + ":" + args[2] + " "
                                + args[3] + " severity " + args[4]);
                    } else if (name.equals("refresh")) {
                        calls.add("refresh " + ((File) args[0]).getName());
                    } else if (name.equals("removeMessages")) {
                        calls.add("clear " + ((File) args[0]).getName());
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
        CompileRequest r = new CompileRequest(tmp.resolve("src"), List.of("app/ok.py", "app/bad.py"), tmp.resolve("out"),
                PythonVersion.V3_11, 0, null, false, null, null);
        new CompileExecutor(new SystemStreamLog(), null, v -> standIn, "test").reportingTo(context).execute(r);
        assertEquals(List.of(
                "clear ok.py",
                "marker ok.py:1:0 SyntaxWarning: \"is\" with a literal. Did you mean \"==\"? severity " + BuildContext.SEVERITY_WARNING,
                "refresh ok.cpython-311.pyc",
                "clear bad.py",
                "marker bad.py:1:5 SyntaxError: '(' was never closed severity " + BuildContext.SEVERITY_ERROR), calls);
        assertTrue(Files.exists(tmp.resolve("out/app/__pycache__/ok.cpython-311.pyc")));
    }
}
