package io.github.pycompile.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for golden files and the interpreters' answers (objects, arrays, strings,
 * integers as {@code Long}, other numbers as {@code Double}, literals); iterative over nesting, so a
 * deep syntax tree cannot overflow the stack.
 */
public final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.skipWs();
        if (p.i != text.length()) {
            throw new IllegalArgumentException("trailing data at " + p.i);
        }
        return v;
    }

    private Object value() {
        // explicit stack of open containers; keys pending for objects
        List<Object> stack = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Object result = null;
        while (true) {
            skipWs();
            Object v;
            char c = s.charAt(i);
            if (c == '{' || c == '[') {
                i++;
                skipWs();
                Object container = c == '{' ? new LinkedHashMap<String, Object>() : new ArrayList<>();
                if (s.charAt(i) == (c == '{' ? '}' : ']')) {
                    i++;
                    v = container;
                } else {
                    stack.add(container);
                    if (c == '{') {
                        keys.add(readKey());
                    }
                    continue;
                }
            } else {
                v = scalar();
            }
            // attach v to the innermost container, closing finished containers
            while (true) {
                if (stack.isEmpty()) {
                    return v;
                }
                Object top = stack.get(stack.size() - 1);
                if (top instanceof Map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) top;
                    map.put(keys.remove(keys.size() - 1), v);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) top;
                    list.add(v);
                }
                skipWs();
                char d = s.charAt(i++);
                if (d == ',') {
                    if (top instanceof Map) {
                        skipWs();
                        keys.add(readKey());
                    }
                    break;
                }
                // '}' or ']': the container is complete
                v = stack.remove(stack.size() - 1);
            }
        }
    }

    private String readKey() {
        skipWs();
        String k = string();
        skipWs();
        i++; // ':'
        return k;
    }

    private Object scalar() {
        char c = s.charAt(i);
        if (c == '"') {
            return string();
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String num = s.substring(start, i);
        if (num.contains(".") || num.contains("e") || num.contains("E")) {
            return Double.parseDouble(num);
        }
        return Long.parseLong(num);
    }

    private String string() {
        i++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private void skipWs() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
