package io.github.pycompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * 2.6's py_compile messages ({@code ../shared/oracle/cpython-2.6/out/opt0/errors.jsonl}): each rejected
 * file's exception attributes, read back from the message, must format to exactly that message.
 */
class Py26ErrorOracleTest {

    @Test
    void everyOracleMessageFormatsIdentically() throws Exception {
        Path shared = Interpreters.shared().orElse(null);
        Assumptions.assumeTrue(shared != null, "skipped: ../shared (the 2.6 oracle) is absent");
        Path errors = shared.resolve("oracle/cpython-2.6/out/opt0/errors.jsonl");
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 50);
        int checked = 0;
        for (String line : lines) {
            String type = jsonString(line, "type");
            String msg = jsonString(line, "msg");
            String file = jsonString(line, "file");
            String prefix = type.equals("SyntaxError") ? "SyntaxError: " : "Sorry: " + type + ": ";
            assertTrue(msg.startsWith(prefix), msg);
            String body = msg.substring(prefix.length()).strip();
            List<Object> args = new Py2Literal(body).tuple();
            PythonError e;
            if (args.size() == 1) {
                e = new PythonError(type, (String) args.get(0), null, -1, -1, null, -1, -1);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> pos = (List<Object>) args.get(1);
                e = new PythonError(type, (String) args.get(0), (String) pos.get(0), intOr(pos.get(1)), intOr(pos.get(2)),
                        (String) pos.get(3), -1, -1);
            }
            assertEquals(msg, PyCompileError.of(e, file, PythonVersion.V2_6).msg(), file);
            checked++;
        }
        System.out.println("2.6 oracle error messages: " + checked + "/" + lines.size() + " identical");
    }

    private static int intOr(Object o) {
        return o == null ? -1 : (Integer) o;
    }

    /** The value of a string field of a one-line JSON object. */
    static String jsonString(String json, String key) {
        int i = json.indexOf("\"" + key + "\": \"");
        i += key.length() + 5;
        StringBuilder sb = new StringBuilder();
        while (json.charAt(i) != '"') {
            char c = json.charAt(i++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char d = json.charAt(i++);
            switch (d) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> { sb.append((char) Integer.parseInt(json.substring(i, i + 4), 16)); i += 4; }
                default -> sb.append(d);
            }
        }
        return sb.toString();
    }

    /** A reader for Python 2 reprs of tuples of str, int and None. */
    static final class Py2Literal {
        private final String s;
        private int i;

        Py2Literal(String s) {
            this.s = s;
        }

        List<Object> tuple() {
            expect('(');
            List<Object> out = new ArrayList<>();
            while (true) {
                skip();
                if (s.charAt(i) == ')') {
                    i++;
                    return out;
                }
                out.add(value());
                skip();
                if (s.charAt(i) == ',') {
                    i++;
                }
            }
        }

        private Object value() {
            char c = s.charAt(i);
            if (c == '(') {
                return tuple();
            }
            if (c == '\'' || c == '"') {
                i++;
                StringBuilder sb = new StringBuilder();
                while (s.charAt(i) != c) {
                    char d = s.charAt(i++);
                    if (d != '\\') {
                        sb.append(d);
                        continue;
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'x' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16)); i += 2; }
                        default -> sb.append(e);
                    }
                }
                i++;
                return sb.toString();
            }
            if (s.startsWith("None", i)) {
                i += 4;
                return null;
            }
            int j = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
                i++;
            }
            return Integer.parseInt(s.substring(j, i));
        }

        private void skip() {
            while (s.charAt(i) == ' ') {
                i++;
            }
        }

        private void expect(char c) {
            skip();
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (i - 1) + " in " + s);
            }
        }
    }
}
