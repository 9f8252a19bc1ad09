package io.github.pycompile.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as Maven configures it from a pom (maven-plugin-testing-harness). */
@MojoTest
class CompileMojoTest {

    @Test
    @InjectMojo(goal = "compile", pom = "src/test/resources/unit/basic/pom.xml")
    void configuredFromPom(CompileMojo mojo) throws Exception {
        assertNotNull(mojo);
        assertEquals("3.11", field(mojo, "target"));
        assertEquals(List.of("app/main.py"), field(mojo, "files"));
        assertEquals(0, field(mojo, "optimize"));
        assertEquals(false, field(mojo, "doraise"));
        assertEquals(false, field(mojo, "skip"));
        assertNotNull((File) field(mojo, "sourceDirectory"));
    }

    @TempDir
    Path tmp;

    /** Records what the goal logs as errors. */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> errors = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    }

    /**
     * A source the 2.6 core refuses: a folded constant tuple holding a name-like string that 2.6's
     * start-up interning table does not know (whether 2.6 interns it depends on object identity).
     */
    private static final String REFUSED_BY_26 = "x = ('zq_unlikely_name_42', 1)\n";

    private CompileMojo configured(String target, boolean doraise, String... files) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/app"));
        Files.writeString(src.resolve("main.py"), "x = 1\n");
        CompileMojo mojo = new CompileMojo();
        set(mojo, "sourceDirectory", tmp.resolve("src").toFile());
        set(mojo, "outputDirectory", tmp.resolve("out").toFile());
        set(mojo, "files", List.of(files));
        set(mojo, "target", target);
        set(mojo, "doraise", doraise);
        return mojo;
    }

    @Test
    void skipDoesNothing() throws Exception {
        CompileMojo mojo = configured("3.11", true, "app/missing.py");
        set(mojo, "skip", true);
        mojo.execute();
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void unsupportedTargetListsTheSupportedOnes() throws Exception {
        CompileMojo mojo = configured("3.5", false, "app/main.py");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("2.6, 2.7, 3.6, 3.7, 3.8, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14"), e.getMessage());
    }

    @Test
    void missingFileFailsTheBuild() throws Exception {
        CompileMojo mojo = configured("3.11", false, "app/missing.py");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void pathsOutsideTheSourceDirectoryAreRefused() throws Exception {
        Files.createDirectories(tmp.resolve("src"));
        Files.writeString(tmp.resolve("evil.py"), "x = 1\n");
        CompileMojo mojo = configured("3.11", false, "../evil.py");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("is not inside"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("__pycache__")));
    }

    /** A file the core cannot compile (a construct the 2.6 core refuses): logged, build goes on, nothing written. */
    @Test
    void withoutDoraiseErrorsAreLoggedAndTheBuildGoesOn() throws Exception {
        CompileMojo mojo = configured("2.6", false, "app/main.py");
        Files.writeString(tmp.resolve("src/app/main.py"), REFUSED_BY_26);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        set(mojo, "dfilePrefix", "/opt/app/lib/");
        mojo.execute();
        assertEquals(1, log.errors.size(), log.errors.toString());
        assertTrue(log.errors.get(0).startsWith("/opt/app/lib/app/main.py:1:0: NotImplementedError: "), log.errors.get(0));
        assertTrue(log.errors.get(0).contains("CPython 2.6"), log.errors.get(0));
        assertFalse(Files.exists(tmp.resolve("out/app/main.pyc")));
    }

    @Test
    void withDoraiseTheBuildFailsAfterAllFiles() throws Exception {
        CompileMojo mojo = configured("2.6", true, "app/main.py", "app/main.py");
        Files.writeString(tmp.resolve("src/app/main.py"), REFUSED_BY_26);
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(2, log.errors.size());
        assertTrue(e.getMessage().startsWith("py-compile: 2 file(s) failed to compile; first: "), e.getMessage());
        assertEquals(2, e.getLongMessage().split(System.lineSeparator()).length);
    }

    @Test
    void badOptimizeAndInvalidationMode() throws Exception {
        CompileMojo mojo = configured("3.11", false, "app/main.py");
        set(mojo, "optimize", 3);
        assertThrows(MojoExecutionException.class, mojo::execute);
        set(mojo, "optimize", 0);
        set(mojo, "invalidationMode", "sometimes");
        assertThrows(MojoExecutionException.class, mojo::execute);
    }

    static void set(Object o, String name, Object value) throws ReflectiveOperationException {
        var f = CompileMojo.class.getDeclaredField(name);
        f.setAccessible(true);
        f.set(o, value);
    }

    static Object field(Object o, String name) throws ReflectiveOperationException {
        var f = CompileMojo.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
