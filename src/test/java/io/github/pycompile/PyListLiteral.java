package io.github.pycompile;

import java.util.ArrayList;
import java.util.List;

/** Reads a flat Python list repr of str and int items (test helper for interpreter output). */
final class PyListLiteral {
    private PyListLiteral() {}

    static List<String> parse(String s) {
        List<String> out = new ArrayList<>();
        int i = s.indexOf('[') + 1;
        while (i < s.length() && s.charAt(i) != ']') {
            char c = s.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
            } else if (c == '\'' || c == '"' || (c == 'u' && i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"'))) {
                if (c == 'u') {
                    i++;
                    c = s.charAt(i);
                }
                StringBuilder sb = new StringBuilder();
                i++;
                while (s.charAt(i) != c) {
                    char d = s.charAt(i);
                    if (d == '\\') {
                        char e = s.charAt(++i);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'x' -> { sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16)); i += 2; }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(d);
                    }
                    i++;
                }
                i++;
                out.add(sb.toString());
            } else {
                int j = i;
                while (j < s.length() && s.charAt(j) != ',' && s.charAt(j) != ']') {
                    j++;
                }
                out.add(s.substring(i, j).trim());
                i = j;
            }
        }
        return out;
    }
}
