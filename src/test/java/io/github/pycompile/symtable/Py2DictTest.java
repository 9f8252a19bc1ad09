package io.github.pycompile.symtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Py2Dict} against the iteration orders Python 2.7's dict gave for the same inserts, deletes and
 * updates ({@code golden/py2dict/orders.txt}, written by {@code scripts/golden/py2dict_order.py}; 2.6's
 * dict and string hash are the same).
 */
class Py2DictTest {
    @Test
    void iteratesAsPython2() throws IOException {
        String text;
        try (InputStream in = Py2DictTest.class.getResourceAsStream("/golden/py2dict/orders.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Py2Dict<Integer> d = null;
        Py2Dict<Integer> m = null;
        int checked = 0;
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.startsWith("case")) {
                d = new Py2Dict<>();
                m = new Py2Dict<>();
            } else if (line.startsWith("n ")) {
                d.put(line.substring(2), 1);
            } else if (line.startsWith("d ")) {
                d.remove(line.substring(2));
            } else if (line.startsWith("m ")) {
                m.put(line.substring(2), 1);
            } else if (line.equals("u")) {
                d.update(m);
                m = new Py2Dict<>();
            } else if (line.startsWith("=")) {
                String want = line.length() > 2 ? line.substring(2) : "";
                assertEquals(want, String.join(" ", d.keys()), "line " + lineNo);
                checked++;
            }
        }
        assertTrue(checked > 1000, "golden file read");
    }

    @Test
    void hashesAsPython2On64Bits() {
        // hash('a'), hash('self'), hash('_[1]') under python2.7 on x86-64
        assertEquals(List.of(12416037344L, -1840371907609881686L, 7301879849785403888L),
                List.of(Py2Dict.hash("a"), Py2Dict.hash("self"), Py2Dict.hash("_[1]")));
    }
}
