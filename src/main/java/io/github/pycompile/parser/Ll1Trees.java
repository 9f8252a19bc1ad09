package io.github.pycompile.parser;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The positions of the trees CPython 3.6 to 3.8 build ({@code Python/ast.c} over the LL(1) parser's
 * concrete tree), made from the tree {@link Parser311} builds with pegen's positions: one pass over
 * the finished tree, after parsing.
 *
 * <p>What differs: {@code alias} and {@code keyword} nodes have no positions before 3.9 (nor
 * {@code alias} before 3.10), a {@code Slice} none before 3.9 (it was not an expression), nor the
 * tuple of an extended slice ({@code a[1:2, 3]}, 3.8's {@code ExtSlice}); 3.6 and 3.7 have no end
 * positions at all. A position the version lacks is -1, as {@code testsupport.CpythonAst} writes it.
 *
 * <p>Nodes are rebuilt through their canonical record constructors (found once per class): this pass
 * runs for the old targets only, and keeps the shared tree types free of per-version code.
 */
final class Ll1Trees {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /** A record class: its components and canonical constructor, and where its positions are. */
    private static final class Shape {
        final RecordComponent[] components;
        final Constructor<?> constructor;
        /** Index of {@code lineno} among the components (the four positions follow), or -1. */
        final int lineno;

        Shape(Class<?> type) {
            components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            int at = -1;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals("lineno") && i + 3 < components.length
                        && components[i + 3].getName().equals("endColOffset")) {
                    at = i;
                }
            }
            lineno = at;
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor for " + type, e);
            }
        }
    }

    private final boolean endPositions;

    private Ll1Trees(PythonVersion target) {
        this.endPositions = target.atLeast(PythonVersion.V3_8);
    }

    /** The module as {@code target}'s (3.6 to 3.8) {@code ast.parse} would locate its nodes. */
    static Ast.ModuleNode apply(Ast.ModuleNode m, PythonVersion target) {
        return (Ast.ModuleNode) new Ll1Trees(target).walk(m, null, null);
    }

    /** Rebuilds {@code o} (a node or list of nodes) with its positions; it is {@code parent}'s {@code field}. */
    private Object walk(Object o, Object parent, String field) {
        if (o instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object x = list.get(i);
                Object y = walk(x, parent, field);
                if (y != x && out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(y);
                }
            }
            return out == null ? o : out;
        }
        if (!(o instanceof Ast.Node) || !(o instanceof Record)) {
            return o;
        }
        Shape shape = SHAPES.get(o.getClass());
        Object[] values = new Object[shape.components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < values.length; i++) {
                Object v = shape.components[i].getAccessor().invoke(o);
                Object w = walk(v, o, shape.components[i].getName());
                changed |= w != v;
                values[i] = w;
            }
            Object n = changed ? shape.constructor.newInstance(values) : o;
            if (shape.lineno >= 0) {
                int[] p = {(Integer) values[shape.lineno], (Integer) values[shape.lineno + 1],
                        (Integer) values[shape.lineno + 2], (Integer) values[shape.lineno + 3]};
                int[] q = position((Ast.Located) n, parent, field, p);
                boolean moved = false;
                for (int k = 0; k < 4; k++) {
                    if (q[k] != p[k]) {
                        values[shape.lineno + k] = q[k];
                        moved = true;
                    }
                }
                if (moved) {
                    n = shape.constructor.newInstance(values);
                }
            }
            return n;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int[] NONE = {-1, -1, -1, -1};

    /** The node's position in the target's tree, given the one {@link Parser311} gave it. */
    private int[] position(Ast.Located n, Object parent, String field, int[] p) {
        if (n instanceof Ast.Alias || n instanceof Ast.Keyword || n instanceof Ast.Slice) {
            return NONE;
        }
        if (n instanceof Ast.TupleExpr t && parent instanceof Ast.Subscript && field.equals("slice")
                && t.elts().stream().anyMatch(e -> e instanceof Ast.Slice)) {
            return NONE; // 3.8's ExtSlice, which has no position
        }
        if (!endPositions) {
            return new int[] {p[0], p[1], -1, -1};
        }
        if (n instanceof Ast.Starred s && parent instanceof Ast.Call && field.equals("args")) {
            // a call's *argument ends where its value does (a closing parenthesis around it left out)
            return new int[] {p[0], p[1], s.value().endLineno(), s.value().endColOffset()};
        }
        if (n instanceof Ast.Arg a && a.annotation() != null && parent instanceof Ast.Arguments
                && field.equals("kwonlyargs")) {
            // a keyword-only parameter ends with its name, its annotation left out
            return new int[] {p[0], p[1], p[0], p[1] + utf8Length(a.arg())};
        }
        List<Ast.Stmt> last = lastBlock(n);
        if (last != null) {
            // a compound statement ends where its last statement does (a ';' after it left out)
            Ast.Stmt s = last.get(last.size() - 1);
            return new int[] {p[0], p[1], s.endLineno(), s.endColOffset()};
        }
        return p;
    }

    /** The statements that end a compound statement (its last non-empty block), or null for other nodes. */
    private static List<Ast.Stmt> lastBlock(Ast.Located n) {
        if (n instanceof Ast.FunctionDef f) {
            return f.body();
        } else if (n instanceof Ast.AsyncFunctionDef f) {
            return f.body();
        } else if (n instanceof Ast.ClassDef c) {
            return c.body();
        } else if (n instanceof Ast.If i) {
            return i.orelse().isEmpty() ? i.body() : i.orelse();
        } else if (n instanceof Ast.For f) {
            return f.orelse().isEmpty() ? f.body() : f.orelse();
        } else if (n instanceof Ast.AsyncFor f) {
            return f.orelse().isEmpty() ? f.body() : f.orelse();
        } else if (n instanceof Ast.While w) {
            return w.orelse().isEmpty() ? w.body() : w.orelse();
        } else if (n instanceof Ast.With w) {
            return w.body();
        } else if (n instanceof Ast.AsyncWith w) {
            return w.body();
        } else if (n instanceof Ast.ExceptHandler h) {
            return h.body();
        } else if (n instanceof Ast.Try t) {
            if (!t.finalbody().isEmpty()) {
                return t.finalbody();
            }
            if (!t.orelse().isEmpty()) {
                return t.orelse();
            }
            if (!t.handlers().isEmpty()) {
                return t.handlers().get(t.handlers().size() - 1).body();
            }
            return t.body();
        }
        return null;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
