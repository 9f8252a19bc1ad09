package io.github.pycompile.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.marshal.MarshalReader;
import io.github.pycompile.marshal.MarshalWriter;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.marshal.PyObject.Code;
import io.github.pycompile.marshal.PyObject.PySet;
import io.github.pycompile.marshal.PyObject.Str;
import io.github.pycompile.marshal.PyObject.Tuple;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 3.11 FLAG_REF rule of {@link CodeObjects311#refPolicy} against CPython 3.11's own caches: read a
 * cache (object sharing as CPython had it), apply the rule to the tree, and write it back: the body
 * must be byte-identical to the file. The structural facts the rule needs from the builder (top-level
 * code, {@code co_code}, {@code co_filename}, static names, fresh localsplus kinds) are taken from the
 * tree's positions.
 */
class FlagPolicy311Test {
    private static final PythonVersion V = PythonVersion.V3_11;
    private static final int SAMPLE = 200;

    @Test
    void stdlibCaches() throws Exception {
        Interpreters.require(V);
        List<Path> files = Interpreters.sampled(Interpreters.stdlibCaches(V), SAMPLE);
        int same = 0;
        List<String> bad = new ArrayList<>();
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            byte[] body = Arrays.copyOfRange(data, V.headerSize(), data.length);
            PyObject top = new MarshalReader(data, V.headerSize(), V).read();
            Set<PyObject> always = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<PyObject> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
            always.add(top);
            structural(top, always, fresh);
            Predicate<PyObject> policy = CodeObjects311.refPolicy(top, always, fresh);
            byte[] again = MarshalWriter.dumps(top, V, policy, false);
            if (Arrays.equals(body, again)) {
                same++;
            } else if (bad.size() < 5) {
                bad.add(f + " first difference at " + Arrays.mismatch(body, again));
            }
        }
        System.out.println("3.11 FLAG_REF policy: " + same + "/" + files.size() + " caches identical");
        assertEquals(List.of(), bad);
        assertTrue(same > 0);
    }

    private static void structural(PyObject o, Set<PyObject> always, Set<PyObject> fresh) {
        if (o instanceof Code c) {
            always.add(c.code());
            always.add(c.filename());
            for (PyObject n : List.of(c.name(), c.qualname())) {
                if (n instanceof Str s && CodeObjects311.STATIC_NAMES.contains(s.value())) {
                    always.add(s);
                }
            }
            fresh.add(c.localsPlusKinds());
            structural(c.consts(), always, fresh);
        } else if (o instanceof Tuple t) {
            for (PyObject x : t.items()) {
                structural(x, always, fresh);
            }
        } else if (o instanceof PySet s) {
            for (PyObject x : s.items()) {
                structural(x, always, fresh);
            }
        }
    }
}
