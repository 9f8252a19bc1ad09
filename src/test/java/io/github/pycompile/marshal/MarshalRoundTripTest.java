package io.github.pycompile.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.github.pycompile.testsupport.Pyodide;
import io.github.pycompile.testsupport.Python;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every cache file of an installed CPython's standard library, read into the object model and
 * written back: the body must come out byte-identical. A sample by default; every file with
 * {@code -Dpycompile.corpus=full}.
 */
class MarshalRoundTripTest {
    private static final int SAMPLE = 120;

    /** Caches real interpreters wrote, committed (scripts/golden/marshal_pycs.sh): tested everywhere. */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13", "V3_14"})
    void committedCachesRoundTrip(PythonVersion v) throws Exception {
        var url = getClass().getResource("/golden/marshal/pyc/" + v.dotted());
        assertTrue(url != null, "no committed caches for " + v);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            files = s.sorted().collect(Collectors.toList());
        }
        assertEquals(4, files.size());
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            assertEquals(v.magic(), (data[0] & 0xff) | (data[1] & 0xff) << 8, f + " magic");
            MarshalReader r = new MarshalReader(data, v.headerSize(), v);
            PyObject code = r.read();
            assertEquals(data.length, r.position(), f + " trailing bytes");
            byte[] again = MarshalWriter.dumps(code, v, r.flagged()::contains, false);
            assertEquals(-1, Arrays.mismatch(Arrays.copyOfRange(data, v.headerSize(), data.length), again),
                    f + ": first difference");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void stdlibCachesRoundTrip(PythonVersion v) throws IOException {
        Interpreters.require(v);
        List<Path> all = Interpreters.stdlibCaches(v);
        assertTrue(all.size() > 50, "too few caches for " + v + ": " + all.size());
        List<Path> files = Interpreters.sampled(all, SAMPLE);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int withSets = 0;
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            if (data.length < v.headerSize() || data[0] != v.magicBytes()[0] || data[1] != v.magicBytes()[1]) {
                continue; // a cache of another version lying around
            }
            checked++;
            try {
                MarshalReader r = new MarshalReader(data, v.headerSize(), v);
                PyObject code = r.read();
                assertEquals(data.length, r.position(), "trailing bytes");
                byte[] body = Arrays.copyOfRange(data, v.headerSize(), data.length);
                byte[] again = MarshalWriter.dumps(code, v, r.flagged()::contains, false);
                if (!Arrays.equals(body, again)) {
                    failures.add(f + ": first difference at " + Arrays.mismatch(body, again));
                }
                if (v.atLeast(PythonVersion.V3_11) && hasSet(code, Collections.newSetFromMap(new IdentityHashMap<>()))) {
                    withSets++;
                    byte[] sorted = MarshalWriter.dumps(code, v, new SetKeyPolicy(code, r.flagged()), true);
                    if (!Arrays.equals(body, sorted)) {
                        failures.add(f + ": sets sorted by the writer: first difference at "
                                + Arrays.mismatch(body, sorted));
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(f + ": " + e);
            }
        }
        System.out.printf("marshal round trip %s: %d/%d identical (%d holding sets, also written with the"
                + " writer's own set order)%n", v, checked - failures.size(), checked, withSets);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " differ, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    /**
     * CPython 2.6 (no interpreter here): the caches it wrote for the shared oracle corpus
     * ({@code ../shared/oracle/cpython-2.6/out}, at -O0/-O1/-O2); every 10th file by default.
     */
    @Test
    void python26OracleCachesRoundTrip() throws IOException {
        var shared = Interpreters.shared();
        org.junit.jupiter.api.Assumptions.assumeTrue(shared.isPresent(), "skipped: no ../shared here");
        Path out = shared.get().resolve("oracle/cpython-2.6/out");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(out), "skipped: no 2.6 oracle at " + out);
        PythonVersion v = PythonVersion.V2_6;
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> p.toString().endsWith(".pyc") || p.toString().endsWith(".pyo"))
                    .sorted().collect(Collectors.toList());
        }
        int step = Interpreters.fullCorpus() ? 1 : 10;
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < files.size(); i += step) {
            Path f = files.get(i);
            byte[] data = Files.readAllBytes(f);
            checked++;
            try {
                assertEquals(v.magic(), (data[0] & 0xff) | (data[1] & 0xff) << 8, "magic");
                MarshalReader r = new MarshalReader(data, v.headerSize(), v);
                PyObject code = r.read();
                assertEquals(data.length, r.position(), "trailing bytes");
                byte[] body = Arrays.copyOfRange(data, v.headerSize(), data.length);
                byte[] again = MarshalWriter.dumps(code, v, o -> false);
                if (!Arrays.equals(body, again)) {
                    failures.add(f + ": first difference at " + Arrays.mismatch(body, again));
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(f + ": " + e);
            }
        }
        System.out.printf("marshal round trip %s (oracle): %d/%d identical%n", v, checked - failures.size(), checked);
        assertTrue(checked > 50, "too few 2.6 caches: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " differ, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    /**
     * CPython 3.14 (pyodide): its {@code py_compile} writes caches of the stdlib sources in its zip
     * ({@code scripts/golden/marshal_corpus_314.py}); each must round-trip. Every 5th file by default.
     */
    @Test
    void pyodideStdlibCachesRoundTrip() throws IOException {
        Pyodide.require();
        PythonVersion v = PythonVersion.V3_14;
        String script = Files.readString(Path.of("scripts/golden/marshal_corpus_314.py"));
        Python.Result r = Pyodide.run("SAMPLE = " + (Interpreters.fullCorpus() ? 1 : 5) + "\n" + script);
        assertEquals(0, r.status(), r.err());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String name = line.substring(0, sp);
            byte[] data = HexFormat.of().parseHex(line.substring(sp + 1).trim());
            checked++;
            try {
                assertEquals(v.magic(), (data[0] & 0xff) | (data[1] & 0xff) << 8, "magic");
                MarshalReader reader = new MarshalReader(data, v.headerSize(), v);
                PyObject code = reader.read();
                assertEquals(data.length, reader.position(), "trailing bytes");
                byte[] body = Arrays.copyOfRange(data, v.headerSize(), data.length);
                byte[] again = MarshalWriter.dumps(code, v, reader.flagged()::contains, false);
                if (!Arrays.equals(body, again)) {
                    failures.add(name + ": first difference at " + Arrays.mismatch(body, again));
                }
                byte[] sorted = MarshalWriter.dumps(code, v, new SetKeyPolicy(code, reader.flagged()), true);
                if (!Arrays.equals(body, sorted)) {
                    failures.add(name + ": sets sorted by the writer: first difference at "
                            + Arrays.mismatch(body, sorted));
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(name + ": " + e);
            }
        }
        System.out.printf("marshal round trip %s (pyodide): %d/%d identical%n", v, checked - failures.size(), checked);
        assertTrue(checked > 50, "too few 3.14 caches: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " differ, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    private static boolean hasSet(PyObject o, Set<PyObject> seen) {
        if (!seen.add(o)) {
            return false;
        }
        if (o instanceof PyObject.PySet) {
            return true;
        }
        if (o instanceof PyObject.Tuple t) {
            return t.items().stream().anyMatch(x -> hasSet(x, seen));
        }
        if (o instanceof PyObject.Code c) {
            return hasSet(c.consts(), seen);
        }
        return false;
    }

    /**
     * The FLAG_REF decisions read from a file, plus what 3.11/3.12 flag inside a set element's sort
     * key: the key is written while the element's only holder is the set (reference §2.6), so it is
     * flagged there only if CPython holds it elsewhere anyway: shared in the module, interned, or one
     * of the cached singletons (small ints, empty and one-character strings, empty and one-byte bytes,
     * the empty tuple).
     */
    static final class SetKeyPolicy implements Predicate<PyObject>, MarshalWriter.SetKeyAware {
        private final Set<PyObject> flagged;
        private final Map<PyObject, Integer> uses = new IdentityHashMap<>();

        SetKeyPolicy(PyObject top, Set<PyObject> flagged) {
            this.flagged = flagged;
            count(top);
        }

        private void count(PyObject o) {
            if (uses.merge(o, 1, Integer::sum) > 1) {
                return;
            }
            if (o instanceof PyObject.Tuple t) {
                t.items().forEach(this::count);
            } else if (o instanceof PyObject.PySet s) {
                s.items().forEach(this::count);
            } else if (o instanceof PyObject.Code c) {
                for (PyObject f : new PyObject[] {c.code(), c.consts(), c.names(), c.localsPlusNames(),
                        c.localsPlusKinds(), c.filename(), c.name(), c.qualname(), c.lineTable(),
                        c.exceptionTable()}) {
                    count(f);
                }
            }
        }

        @Override
        public boolean test(PyObject o) {
            return flagged.contains(o);
        }

        @Override
        public boolean flaggedInSetKey(PyObject o) {
            if (!flagged.contains(o)) {
                return false;
            }
            if (uses.getOrDefault(o, 0) > 1) {
                return true;
            }
            if (o instanceof PyObject.Str s) {
                return s.interned() || s.value().codePointCount(0, s.value().length()) <= 1
                        && (s.value().isEmpty() || s.value().charAt(0) < 256);
            }
            if (o instanceof PyObject.Int i) {
                return i.value().bitLength() < 16 && i.value().intValue() >= -5 && i.value().intValue() <= 256;
            }
            if (o instanceof PyObject.Bytes b) {
                return b.value().length <= 1;
            }
            return o instanceof PyObject.Tuple t && t.items().isEmpty();
        }
    }
}
