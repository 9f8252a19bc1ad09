package io.github.pycompile.assemble;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which name-like strings CPython 2.6's interpreter had already interned when {@code py_compile}
 * started compiling a file. 2.6 interns a code object's own str constants in place, so a str of a
 * constant tuple folded from them is written interned exactly when no equal string was interned
 * before: an identifier of the file, a constant of an earlier code object, or a string the
 * interpreter interned while starting up (its C-level names, the modules it imported). That last
 * set cannot be computed here; {@code interned26.txt} lists, for the strings the 2.6 reference
 * outputs ({@code ../shared/oracle/cpython-2.6}) show either way, whether it held them ({@code +})
 * or not ({@code -}). It is written by {@code Interned26Table} (test sources) from those outputs.
 * Strings it does not list are refused by the caller.
 */
public final class Interned26 {
    private static final Map<String, Boolean> TABLE = load();
    private static volatile Function<String, Boolean> override;

    private Interned26() {}

    /** True when 2.6's interpreter had interned {@code s} before compiling, false when not, null when unknown. */
    static Boolean before(String s) {
        Function<String, Boolean> f = override;
        return f != null ? f.apply(s) : TABLE.get(s);
    }

    /** For the table's generator only: answers in place of the table (null restores it). */
    public static void overrideForTableGenerator(Function<String, Boolean> answers) {
        override = answers;
    }

    private static Map<String, Boolean> load() {
        Map<String, Boolean> m = new HashMap<>();
        try (InputStream in = Interned26.class.getResourceAsStream("interned26.txt")) {
            if (in == null) {
                return m;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("+") || line.startsWith("-")) {
                    m.put(unescape(line.substring(1)), line.charAt(0) == '+');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The table escapes NUL (2.6's name test stops at the first NUL) as {@code \0}, a newline as {@code \n} and a backslash as {@code \\}. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                b.append(d == '0' ? '\0' : d == 'n' ? '\n' : d);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\0", "\\0").replace("\n", "\\n");
    }
}
