package io.github.pycompile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: our own options, then the target's py_compile arguments. */
class MainTest {
    @TempDir
    Path tmp;

    private String[] run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new String[] {Integer.toString(status), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void unknownTargetIsAUsageError() {
        String[] r = run("--target", "3.5", "x.py");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("unsupported target '3.5'") && r[1].contains("3.14"), r[1]);
    }

    @Test
    void badInvalidationModeIsAUsageError() {
        String[] r = run("--invalidation-mode=sometimes", "x.py");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("checked-hash"), r[1]);
    }

    @Test
    void optimizedTwoSevenTargetWritesPyo() throws Exception {
        Path src = Files.writeString(tmp.resolve("m.py"), "x = 1\n");
        String[] r = run("--target", "2.7", "-OO", src.toString());
        assertEquals("0", r[0], r[1]);
        assertEquals("", r[1]);
        byte[] pyo = Files.readAllBytes(tmp.resolve("m.pyo"));
        assertEquals(0x03, pyo[0] & 0xff); // magic 62211, little-endian
        assertEquals(0xf3, pyo[1] & 0xff);
        assertFalse(Files.exists(tmp.resolve("m.pyc")));
    }

    @Test
    void targetWithoutCoreReportsAndWritesNothing() throws Exception {
        Path src = Files.writeString(tmp.resolve("m.py"), "x = 1\n");
        String[] r = run("--target", "3.10", "-OO", src.toString());
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("Sorry: NotImplementedError: ") && r[1].contains("CPython 3.10"), r[1]);
        assertFalse(Files.exists(tmp.resolve("__pycache__")));
    }

    @Test
    void threeTenPlusStopsAtFirstFailureAndHonoursQuiet() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
        String[] r = run("--target", "3.12", "-q", a.toString(), tmp.resolve("missing.py").toString());
        assertEquals("1", r[0]);
        assertEquals("", r[1]);
    }
}
