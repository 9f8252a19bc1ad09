package io.github.pycompile.ast;

import io.github.pycompile.PyRepr;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our tree printed as a given CPython's {@code ast.dump(ast.parse(source), include_attributes=True)}
 * prints it, character for character: that version's node classes, field order and attributes
 * ({@link AstDumpShapes}), its way of leaving fields out, and Python's {@code repr} of the values.
 *
 * <p>Our tree has one shape for every version (3.9+ slices, {@code Constant} for every literal, 3.x
 * {@code With}); what older versions build differently is put back here:
 * <ul>
 *   <li>2.x, 3.6 and 3.7: literals as {@code Num}, {@code Str}, {@code Bytes}, {@code NameConstant}
 *       and {@code Ellipsis} (2.x: {@code Num} and {@code Str} only; its {@code Ellipsis} is a slice);
 *   <li>2.x to 3.8: subscripts as {@code Index}, {@code Slice} (no position) and {@code ExtSlice};
 *   <li>2.x: one {@code With} per context manager with {@code context_expr} and {@code optional_vars},
 *       {@code long} values with their {@code L}, {@code unicode} values as {@code u'...'}.
 * </ul>
 * The layouts of {@code ast.dump} itself: 2.x and 3.6 write {@code Pass( lineno=1, col_offset=0)} for a
 * node without fields; 2.x to 3.8 write every field; 3.9-3.12 leave out a field or attribute that is
 * {@code None} where the class's default is {@code None}; 3.13 also leaves out every empty list and
 * every {@code None} field (a {@code Constant}'s or {@code MatchSingleton}'s value excepted); 3.14
 * leaves out empty lists but writes a {@code None} unless the class's default is {@code None}.
 *
 * <p>A 3.x string's {@code repr} escapes the characters {@code str.isprintable()} rejects, which
 * depends on the version's Unicode database, not the JDK's: {@link UnicodePrintable} holds each
 * interpreter's answers.
 */
public final class AstDump {
    private static final Map<PythonVersion, Map<String, Shape>> SHAPES = new EnumMap<>(PythonVersion.class);
    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();
    /** The default of {@code sys.get_int_max_str_digits()}. */
    private static final int MAX_STR_DIGITS = 4300;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** How a version's {@code ast.dump} lays a node out. */
    private enum Layout {
        /** 2.x and 3.6: fields, then attributes after {@code ", "} (or after a space when there are no fields). */
        SPACED,
        /** 3.7 and 3.8: every field and attribute. */
        ALL,
        /** 3.9-3.12: no {@code None} where the class default is {@code None}. */
        OMIT_DEFAULT_NONE,
        /** 3.13: no empty list, no {@code None} field (Constant and MatchSingleton values excepted). */
        OMIT_EMPTY_313,
        /** 3.14+: no empty list, no {@code None} where the class default is {@code None}. */
        OMIT_EMPTY
    }

    /** One node class of a version: its fields, attributes, and those whose class default is None. */
    private record Shape(List<String> fields, List<String> attributes, Set<String> defaultNone) {}

    /** A node a version builds that our tree has no record for (Index, ExtSlice, Num, ...). */
    private record Synthetic(String name, Map<String, Object> values, Ast.Located position) implements Ast.Node {
        @Override
        public String pyName() {
            return name;
        }
    }

    /** Our records for the node classes whose 2.x shape differs from 3.x's, and their 3.x records. */
    private static final Set<Class<?>> PY2_ONLY = Set.of(Ast.Py2FunctionDef.class, Ast.Py2Raise.class, Ast.Py2Call.class,
            Ast.Py2Lambda.class, Ast.Py2ExceptHandler.class, Ast.Py2Arguments.class, Ast.Print.class, Ast.Exec.class,
            Ast.Repr.class, Ast.TryExcept.class, Ast.TryFinally.class);
    private static final Set<Class<?>> PY3_ONLY = Set.of(Ast.FunctionDef.class, Ast.Raise.class, Ast.Call.class,
            Ast.Lambda.class, Ast.ExceptHandler.class, Ast.Arguments.class, Ast.Try.class);

    private final PythonVersion version;
    private final Layout layout;
    private final Map<String, Shape> shapes;
    private final StringBuilder out = new StringBuilder();

    private AstDump(PythonVersion version) {
        this.version = version;
        this.shapes = shapes(version);
        if (!version.atLeast(PythonVersion.V3_7)) {
            layout = Layout.SPACED;
        } else if (!version.atLeast(PythonVersion.V3_9)) {
            layout = Layout.ALL;
        } else if (!version.atLeast(PythonVersion.V3_13)) {
            layout = Layout.OMIT_DEFAULT_NONE;
        } else if (version == PythonVersion.V3_13) {
            layout = Layout.OMIT_EMPTY_313;
        } else {
            layout = Layout.OMIT_EMPTY;
        }
    }

    /**
     * What CPython {@code version}'s {@code ast.dump(tree, include_attributes=True)} prints for the
     * tree its {@code ast.parse} builds, given our tree of the same source.
     *
     * @throws IllegalArgumentException when the tree holds a node {@code version} does not have, or
     *     where CPython's {@code ast.dump} itself fails: an int of more than 4300 digits, whose
     *     {@code repr} 3.7+ refuses (the message is then CPython's, {@code "ValueError: Exceeds the limit ..."})
     */
    public static String dump(Ast.Node tree, PythonVersion version) {
        AstDump d = new AstDump(version);
        d.run(tree);
        return d.out.toString();
    }

    private static synchronized Map<String, Shape> shapes(PythonVersion v) {
        return SHAPES.computeIfAbsent(v, AstDump::readShapes);
    }

    private static Map<String, Shape> readShapes(PythonVersion v) {
        Map<String, Shape> m = new HashMap<>();
        for (String line : AstDumpShapes.of(v).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.trim().split(" ");
            m.put(p[0], new Shape(names(p[1]), names(p[2]), Set.copyOf(names(p[3]))));
        }
        return m;
    }

    private static List<String> names(String s) {
        return s.equals("-") ? List.of() : List.of(s.split(","));
    }

    // ---- values

    /** A value still to be printed; the work stack holds these and literal text. */
    private record Pending(Object value) {}

    /** Prints {@code root} with an explicit stack, so that no tree is too deep for the JVM's. */
    private void run(Object root) {
        Deque<Object> work = new ArrayDeque<>();
        work.push(new Pending(root));
        List<Object> pieces = new ArrayList<>();
        while (!work.isEmpty()) {
            Object w = work.pop();
            if (w instanceof String text) {
                out.append(text);
                continue;
            }
            Object o = ((Pending) w).value();
            pieces.clear();
            if (o instanceof List<?> l) {
                pieces.add("[");
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        pieces.add(", ");
                    }
                    pieces.add(new Pending(l.get(i)));
                }
                pieces.add("]");
            } else if (o instanceof Ast.Node n) {
                node(n, pieces);
            } else {
                out.append(scalar(o));
                continue;
            }
            for (int i = pieces.size() - 1; i >= 0; i--) {
                work.push(pieces.get(i));
            }
        }
    }

    private String scalar(Object o) {
        if (o == null) {
            return "None";
        } else if (o instanceof PyObject p) {
            return constant(p);
        } else if (o instanceof Enum<?> e) {
            return e.name() + "()"; // operators and expression contexts are nodes without fields
        } else if (o instanceof String s) {
            return identifier(s);
        } else if (o instanceof Integer || o instanceof Long) {
            return o.toString();
        } else if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        throw new IllegalStateException("no Python repr for " + o.getClass().getName() + " (a bug)");
    }

    private String identifier(String s) {
        // 2.x identifiers are byte strings (ASCII); 3.x ones are str
        return version.isPython2() ? PyRepr.bytes2(s) : strRepr(s, false);
    }

    private String constant(PyObject p) {
        if (p instanceof PyObject.Singleton s) {
            return switch (s) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "Ellipsis";
                case STOP_ITERATION -> "StopIteration";
            };
        } else if (p instanceof PyObject.Int i) {
            String digits = i.value().toString();
            if (version.atLeast(PythonVersion.V3_7) && digits.length() - (i.value().signum() < 0 ? 1 : 0) > MAX_STR_DIGITS) {
                // repr() refuses ints beyond sys.get_int_max_str_digits() (3.7.14, 3.8.14, 3.9.14, 3.10.7, 3.11+)
                throw new IllegalArgumentException("ValueError: Exceeds the limit (" + MAX_STR_DIGITS
                        + (version.atLeast(PythonVersion.V3_11) ? " digits" : "")
                        + ") for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            }
            if (version.isPython2()
                    && (i.py2Long() || i.value().compareTo(LONG_MIN) < 0 || i.value().compareTo(LONG_MAX) > 0)) {
                return digits + "L";
            }
            return digits;
        } else if (p instanceof PyObject.Float f) {
            return PyRepr.floatRepr(Double.longBitsToDouble(f.bits()));
        } else if (p instanceof PyObject.Complex c) {
            return PyRepr.complexRepr(Double.longBitsToDouble(c.realBits()), Double.longBitsToDouble(c.imagBits()));
        } else if (p instanceof PyObject.Str s) {
            return version.isPython2() ? "u" + unicode2Repr(s.value(), s.lonePairs()) : strRepr(s.value(), s.lonePairs());
        } else if (p instanceof PyObject.Bytes b) {
            return version.isPython2()
                    ? PyRepr.bytes2(new String(b.value(), StandardCharsets.ISO_8859_1))
                    : PyRepr.bytes(b.value());
        } else if (p instanceof PyObject.Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(constant(t.items().get(i)));
            }
            return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
        } else if (p instanceof PyObject.PySet s && s.frozen()) {
            if (s.items().isEmpty()) {
                return "frozenset()";
            }
            StringBuilder sb = new StringBuilder("frozenset({");
            for (int i = 0; i < s.items().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(constant(s.items().get(i)));
            }
            return sb.append("})").toString();
        }
        throw new IllegalStateException("no constant repr for " + p.getClass().getSimpleName() + " (a bug)");
    }

    /**
     * {@code repr()} of a 3.x str: the quote, backslash, tab, newline and carriage return escaped, and
     * the characters the version's {@code str.isprintable()} rejects as {@code \xNN}, {@code \\uNNNN}
     * or {@code \UNNNNNNNN}. With {@code lonePairs}, a surrogate pair stands for two lone surrogates.
     */
    private String strRepr(String s, boolean lonePairs) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = lonePairs ? s.charAt(i) : s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else if (cp >= 0x7f && UnicodePrintable.isPrintable(version, cp)) {
                sb.appendCodePoint(cp);
            } else {
                escape(sb, cp);
            }
        }
        return sb.append(q).toString();
    }

    /** {@code repr()} of a 2.x unicode without its {@code u}: everything outside printable ASCII escaped. */
    private static String unicode2Repr(String s, boolean lonePairs) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = lonePairs ? s.charAt(i) : s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else {
                escape(sb, cp);
            }
        }
        return sb.append(q).toString();
    }

    private static void escape(StringBuilder sb, int cp) {
        if (cp <= 0xff) {
            sb.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
            sb.append(String.format("\\u%04x", cp));
        } else {
            sb.append(String.format("\\U%08x", cp));
        }
    }

    // ---- nodes

    /** Appends the node's text to {@code pieces}: literal strings and {@link Pending} values. */
    private void node(Ast.Node n, List<Object> pieces) {
        Ast.Node shown = translate(n);
        String name = shown.pyName();
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("Python " + version + "'s ast has no " + name + " node");
        }
        pieces.add(name + "(");
        boolean first = true;
        boolean constantLike = name.equals("Constant") || name.equals("MatchSingleton");
        for (String f : shape.fields()) {
            Object v = get(shown, f);
            boolean skip = switch (layout) {
                case SPACED, ALL -> false;
                case OMIT_DEFAULT_NONE -> v == null && shape.defaultNone().contains(f);
                case OMIT_EMPTY_313 -> v == null && (!constantLike || shape.defaultNone().contains(f))
                        || v instanceof List<?> l && l.isEmpty();
                case OMIT_EMPTY -> v == null && shape.defaultNone().contains(f) || v instanceof List<?> l && l.isEmpty();
            };
            if (skip) {
                continue;
            }
            if (!first) {
                pieces.add(", ");
            }
            first = false;
            pieces.add(f + "=");
            pieces.add(new Pending(v));
        }
        if (!shape.attributes().isEmpty()) {
            if (layout == Layout.SPACED) {
                pieces.add(first ? " " : ", ");
                first = true;
            }
            for (String a : shape.attributes()) {
                Object v = get(shown, a);
                if (v == null && shape.defaultNone().contains(a) && layout != Layout.SPACED && layout != Layout.ALL) {
                    continue;
                }
                if (!first) {
                    pieces.add(", ");
                }
                first = false;
                pieces.add(a + "=");
                pieces.add(new Pending(v));
            }
        }
        pieces.add(")");
    }

    /** The node as {@link #version} builds it, where that differs from our tree's shape. */
    private Ast.Node translate(Ast.Node n) {
        if (version.isPython2() ? PY3_ONLY.contains(n.getClass()) : PY2_ONLY.contains(n.getClass())) {
            throw new IllegalArgumentException("our " + n.getClass().getSimpleName() + " is not a node of Python "
                    + version + "'s tree");
        }
        if (n instanceof Ast.Constant c && (version.isPython2() || !version.atLeast(PythonVersion.V3_8))) {
            return legacyLiteral(c);
        }
        if (n instanceof Ast.With w && version.isPython2()) {
            if (w.items().size() != 1) {
                throw new IllegalArgumentException("a 2.x With holds one context manager, not " + w.items().size());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("context_expr", w.items().get(0).contextExpr());
            m.put("optional_vars", w.items().get(0).optionalVars());
            m.put("body", w.body());
            return new Synthetic("With", m, w);
        }
        if (n instanceof Ast.Subscript s && !version.atLeast(PythonVersion.V3_9)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", s.value());
            m.put("slice", oldSlice(s.slice()));
            m.put("ctx", s.ctx());
            return new Synthetic("Subscript", m, s);
        }
        return n;
    }

    /** 2.x-3.7's literal nodes. */
    private Ast.Node legacyLiteral(Ast.Constant c) {
        PyObject v = c.value();
        if (v instanceof PyObject.Int || v instanceof PyObject.Float || v instanceof PyObject.Complex) {
            return new Synthetic("Num", Map.of("n", v), c);
        }
        if (v instanceof PyObject.Str) {
            return new Synthetic("Str", Map.of("s", v), c);
        }
        if (v instanceof PyObject.Bytes) {
            return new Synthetic(version.isPython2() ? "Str" : "Bytes", Map.of("s", v), c);
        }
        if (v == PyObject.Singleton.ELLIPSIS) {
            return new Synthetic("Ellipsis", Map.of(), version.isPython2() ? null : c);
        }
        if (!version.isPython2() && v instanceof PyObject.Singleton) {
            return new Synthetic("NameConstant", Map.of("value", v), c);
        }
        throw new IllegalArgumentException("Python " + version + " has no literal node for " + v);
    }

    /**
     * A subscript's slice as 2.x-3.8 build it: a {@code Slice} stays (without position), a tuple holding
     * a slice (2.x: or an {@code ...}) becomes {@code ExtSlice} of its items, anything else is wrapped
     * in {@code Index}.
     */
    private Ast.Node oldSlice(Ast.Expr e) {
        if (e instanceof Ast.Slice s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lower", s.lower());
            m.put("upper", s.upper());
            m.put("step", s.step());
            return new Synthetic("Slice", m, null);
        }
        if (version.isPython2() && isEllipsis(e)) {
            return legacyLiteral((Ast.Constant) e);
        }
        if (e instanceof Ast.TupleExpr t && t.elts().stream().anyMatch(x -> x instanceof Ast.Slice
                || version.isPython2() && isEllipsis(x))) {
            List<Ast.Node> dims = new ArrayList<>();
            for (Ast.Expr x : t.elts()) {
                dims.add(oldSlice(x));
            }
            return new Synthetic("ExtSlice", Map.of("dims", dims), null);
        }
        return new Synthetic("Index", Map.of("value", e), null);
    }

    private static boolean isEllipsis(Ast.Expr e) {
        return e instanceof Ast.Constant c && c.value() == PyObject.Singleton.ELLIPSIS;
    }

    private Object get(Ast.Node n, String name) {
        if (n instanceof Synthetic s) {
            if (s.values().containsKey(name)) {
                return s.values().get(name);
            }
            if (s.position() == null) {
                throw new IllegalStateException(s.name() + " has no " + name + " (a bug)");
            }
            return get(s.position(), name);
        }
        Method m = ACCESSORS.computeIfAbsent(n.getClass(), AstDump::accessors).get(name);
        if (m == null) {
            throw new IllegalArgumentException("our " + n.getClass().getSimpleName() + " has no field " + name
                    + " of Python " + version + "'s " + n.pyName());
        }
        return read(m, n);
    }

    private static Object read(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + m.getName() + " (a bug)", e);
        }
    }

    /** Record accessors by Python field name ({@code colOffset} is {@code col_offset}; {@code str_} is {@code str}). */
    private static Map<String, Method> accessors(Class<?> c) {
        Map<String, Method> m = new HashMap<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            m.put(snake(rc.getName()), rc.getAccessor());
        }
        return m;
    }

    private static String snake(String camel) {
        String s = camel.endsWith("_") ? camel.substring(0, camel.length() - 1) : camel;
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
