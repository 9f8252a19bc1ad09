package io.github.pycompile.ast;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every identifier a tree holds (names, attributes, parameters, keywords, imported and declared
 * names): the strings CPython's parser interns while building the tree. Walks by reflection; meant
 * for the rare questions that need it, not for every file.
 */
public final class AstIdentifiers {
    private AstIdentifiers() {}

    public static Set<String> of(Ast.Node root) {
        Set<String> out = new HashSet<>();
        walk(root, out);
        return out;
    }

    private static void walk(Object node, Set<String> out) {
        if (node instanceof List<?> list) {
            for (Object x : list) {
                walk(x, out);
            }
            return;
        }
        if (!(node instanceof Ast.Node) || !(node instanceof Record r)) {
            return;
        }
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            String name = rc.getName();
            if (name.equals("kind") || name.equals("typeComment") || name.equals("tag")) {
                continue;
            }
            Object v;
            try {
                v = rc.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof String s) {
                out.add(s);
            } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String) {
                for (Object x : l) {
                    out.add((String) x);
                }
            } else {
                walk(v, out);
            }
        }
    }
}
