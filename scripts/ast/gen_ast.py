#!/usr/bin/env python3
"""Generates src/main/java/io/github/pycompile/ast/Ast.java (and AstRewriter.java, a reflection-free
bottom-up rewriter over it, and AstIdentifiers.java, the identifiers of a tree through that rewriter) from the node shapes in shapes/3.14.json
(produced by ast_shape.py under CPython 3.14) plus the Python 2 statement/expression kinds that 3.x
dropped. One Java type per CPython node class, nested in Ast as javac nests its tree in JCTree.

Usage: python3 scripts/ast/gen_ast.py   (from the repository root)
"""
import json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHAPES = json.load(open(os.path.join(ROOT, "scripts/ast/shapes/3.14.json")))["nodes"]

# Python 2 only kinds (2.7's Python.asdl), kept in the one tree so that one parser serves all targets.
EXTRA = {
    "Print": {"base": "stmt", "fields": ["dest", "values", "nl"],
              "types": {"dest": "ast.expr | None", "values": "list[ast.expr]", "nl": "bool"}},
    "Exec": {"base": "stmt", "fields": ["body", "globals", "locals"],
             "types": {"body": "expr", "globals": "ast.expr | None", "locals": "ast.expr | None"}},
    "Repr": {"base": "expr", "fields": ["value"], "types": {"value": "expr"}},
    "TryExcept": {"base": "stmt", "fields": ["body", "handlers", "orelse"],
                  "types": {"body": "list[ast.stmt]", "handlers": "list[ast.Py2ExceptHandler]",
                            "orelse": "list[ast.stmt]"}},
    "TryFinally": {"base": "stmt", "fields": ["body", "finalbody"],
                   "types": {"body": "list[ast.stmt]", "finalbody": "list[ast.stmt]"}},
    # Python 2 shapes of nodes 3.x kept under the same name (Java name Py2X, pyName() "X")
    "Py2Raise": {"base": "stmt", "fields": ["type", "inst", "tback"],
                 "types": {"type": "ast.expr | None", "inst": "ast.expr | None", "tback": "ast.expr | None"}},
    "Py2FunctionDef": {"base": "stmt", "fields": ["name", "args", "body", "decorator_list"],
                       "types": {"name": "str", "args": "Py2Arguments", "body": "list[ast.stmt]",
                                 "decorator_list": "list[ast.expr]"}},
    "Py2Lambda": {"base": "expr", "fields": ["args", "body"], "types": {"args": "Py2Arguments", "body": "expr"}},
    "Py2Call": {"base": "expr", "fields": ["func", "args", "keywords", "starargs", "kwargs"],
                "types": {"func": "expr", "args": "list[ast.expr]", "keywords": "list[ast.keyword]",
                          "starargs": "ast.expr | None", "kwargs": "ast.expr | None"}},
}
# Python 2 product shapes (records, not statements or expressions)
EXTRA_PRODUCTS = {
    "Py2ExceptHandler": {"fields": ["type", "name", "body"],
                         "types": {"type": "ast.expr | None", "name": "ast.expr | None", "body": "list[ast.stmt]"},
                         "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
    "Py2Arguments": {"fields": ["args", "vararg", "kwarg", "defaults"],
                     "types": {"args": "list[ast.expr]", "vararg": "str | None", "kwarg": "str | None",
                               "defaults": "list[ast.expr]"}, "attributes": []},
}
POS = ["lineno", "col_offset", "end_lineno", "end_col_offset"]
for v in EXTRA.values():
    v["attributes"] = POS

# sum types whose members are enum constants, and their Java names
ENUMS = {"boolop": "BoolOperator", "operator": "Operator", "unaryop": "UnaryOperator",
         "cmpop": "CmpOperator", "expr_context": "ExprContext"}
# sum types with node members (sealed interfaces), and product types (records)
SUMS = {"mod": "Mod", "stmt": "Stmt", "expr": "Expr", "pattern": "Pattern", "type_param": "TypeParam"}
PRODUCTS = {"comprehension": "Comprehension", "arguments": "Arguments", "arg": "Arg", "keyword": "Keyword",
            "alias": "Alias", "withitem": "WithItem", "match_case": "MatchCase",
            "ExceptHandler": "ExceptHandler", "TypeIgnore": "TypeIgnore"}
SKIP = {"Suite", "Index", "ExtSlice", "slice", "AST", "excepthandler", "type_ignore"}
RENAME = {"Expr": "ExprStmt", "List": "ListExpr", "Tuple": "TupleExpr", "Set": "SetExpr", "Dict": "DictExpr",
          "Module": "ModuleNode"}  # "Expr" is the expression interface; the others would shadow
# java.util.List/Set and java.lang.Module wherever Ast.* is imported

def camel(s):
    p = s.split("_")
    return p[0] + "".join(x[:1].upper() + x[1:] for x in p[1:])

JAVA_RESERVED = {"default", "class", "str"}

def jtype(t):
    opt = t.endswith(" | None")
    t = t[:-7] if opt else t
    m = re.fullmatch(r"list\[(?:ast\.)?(\w+)\]", t)
    if m:
        return "List<%s>" % jtype(m.group(1))
    t = t[4:] if t.startswith("ast.") else t
    if t == "str":
        return "String"
    if t == "object":
        return "PyObject"
    if t == "int":
        return "Integer" if opt else "int"
    if t == "bool":
        return "boolean"
    if t in ENUMS:
        return ENUMS[t]
    if t in SUMS:
        return SUMS[t]
    if t in PRODUCTS:
        return PRODUCTS[t]
    if t in EXTRA_PRODUCTS:
        return t
    if t == "excepthandler":
        return "ExceptHandler"
    if t == "type_ignore":
        return "TypeIgnore"
    raise SystemExit("unknown type " + t)

def jname(f):
    n = camel(f)
    return n + "_" if n in JAVA_RESERVED else n

nodes = dict(SHAPES)
nodes.update(EXTRA)
out = []
w = out.append
w("// Generated by scripts/ast/gen_ast.py from CPython's ast node shapes (scripts/ast/shapes). Do not edit.")
w("package io.github.pycompile.ast;")
w("")
w("import io.github.pycompile.marshal.PyObject;")
w("import java.util.List;")
w("")
w("/**")
w(" * The abstract syntax tree: one nested type per node class of CPython's {@code ast} module (3.14's")
w(" * shapes, which include every 3.x field), plus Python 2's {@code Print}, {@code Exec} and {@code Repr}.")
w(" * Field names are CPython's in camel case ({@code decorator_list} is {@code decoratorList}; a field")
w(" * named like a Java keyword gets a trailing underscore); {@link Node#pyName()} gives the class name.")
w(" *")
w(" * <p>Positions are CPython's: lines 1-based, columns 0-based offsets in UTF-8 bytes, end positions")
w(" * exclusive. Lists are owned by the node once built: never modify them. Optional fields are")
w(" * {@code null} when absent. Constant values are marshal objects ({@link PyObject}), ready for")
w(" * {@code co_consts}.")
w(" */")
w("public final class Ast {")
w("    private Ast() {}")
w("")
w("    /** Every node. */")
w("    public interface Node {")
w("        /** The name of the node's class in CPython's {@code ast} module. */")
w("        default String pyName() {")
w("            return getClass().getSimpleName();")
w("        }")
w("    }")
w("")
w("    /** A node with a source range. */")
w("    public interface Located extends Node {")
w("        int lineno();")
w("")
w("        int colOffset();")
w("")
w("        int endLineno();")
w("")
w("        int endColOffset();")
w("    }")
w("")
for asdl, java in ENUMS.items():
    members = sorted(k for k, v in nodes.items() if v["base"] == asdl)
    w("    /** CPython's {@code %s}. */" % asdl)
    w("    public enum %s {" % java)
    w("        " + ", ".join(members))
    w("    }")
    w("")

def members_of(base):
    return sorted(k for k, v in nodes.items() if v["base"] == base and k not in SKIP)

def jclass(name):
    return RENAME.get(name, PRODUCTS.get(name, name))

def pyname(name):
    if not name.startswith("Py2"):
        return name
    # a product type keeps its lower-case class name (2.7's ast.arguments)
    bare = name[3:]
    return {v: k for k, v in PRODUCTS.items()}.get(bare, bare)

for asdl, java in SUMS.items():
    mem = members_of(asdl)
    located = bool(SHAPES[asdl]["attributes"])
    w("    /** CPython's {@code %s}. */" % asdl)
    w("    public sealed interface %s extends %s permits %s {" % (java, "Located" if located else "Node",
        ", ".join(jclass(m) for m in mem)))
    w("        <R> R accept(%sVisitor<R> v);" % java)
    w("    }")
    w("")
    w("    /** Dispatch over the kinds of {@link %s}. */" % java)
    w("    public interface %sVisitor<R> {" % java)
    for m in mem:
        w("        R visit%s(%s n);" % (jclass(m), jclass(m)))
    w("    }")
    w("")

def record(name, spec, implements, visitor):
    jn = jclass(name)
    comps = []
    for f in spec["fields"]:
        t = spec["types"].get(f)
        if t is None:
            raise SystemExit("no type for %s.%s" % (name, f))
        comps.append("%s %s" % (jtype(t), jname(f)))
    for a in spec["attributes"]:
        comps.append("int %s" % camel(a))
    if name.startswith("Py2") or name in ("Print", "Exec", "Repr", "TryExcept", "TryFinally"):
        w("    /** Python 2's {@code ast.%s}. */" % pyname(name))
    else:
        w("    /** CPython's {@code ast.%s}. */" % name)
    impl = (" implements " + implements) if implements else ""
    body = []
    if visitor:
        body.append("        @Override")
        body.append("        public <R> R accept(%sVisitor<R> v) {" % visitor)
        body.append("            return v.visit%s(this);" % jn)
        body.append("        }")
    if jn != pyname(name):
        name = pyname(name)
        if body:
            body.append("")
        body.append("        @Override")
        body.append("        public String pyName() {")
        body.append('            return "%s";' % name)
        body.append("        }")
    sig = "    public record %s(%s)%s" % (jn, ", ".join(comps), impl)
    if len(sig) > 110:
        sig = "    public record %s(\n            %s)%s" % (jn, ",\n            ".join(comps), impl)
    if body:
        w(sig + " {")
        out.extend(body)
        w("    }")
    else:
        w(sig + " {}")
    w("")

for asdl, java in SUMS.items():
    for m in members_of(asdl):
        record(m, nodes[m], java, java)
for asdl, java in PRODUCTS.items():
    spec = nodes[asdl]
    if asdl == "ExceptHandler":
        spec = dict(spec)
    implements = "Located" if spec["attributes"] else "Node"
    record(asdl, spec, implements, None)
for name, spec in EXTRA_PRODUCTS.items():
    record(name, spec, "Located" if spec["attributes"] else "Node", None)
w("}")
path = os.path.join(ROOT, "src/main/java/io/github/pycompile/ast/Ast.java")
os.makedirs(os.path.dirname(path), exist_ok=True)
open(path, "w").write("\n".join(out) + "\n")
print("wrote", path, len(out), "lines")

# ---------------------------------------------------------------------------------------- AstRewriter
# A bottom-up tree rewriter with one explicit "rebuild children" method per node type: no reflection.

# the fields holding annotations, which a rewriter may want to leave alone (PEP 563)
ANNOTATION_FIELDS = {("arg", "annotation"), ("AnnAssign", "annotation"), ("FunctionDef", "returns"),
                     ("AsyncFunctionDef", "returns")}
SUM_METHOD = {java: java[:1].lower() + java[1:] for java in SUMS.values()}  # Expr -> expr
PRODUCT_TYPES = set(PRODUCTS.values()) | set(EXTRA_PRODUCTS)

def child_kind(jt):
    """'sum', 'product', 'list-sum', 'list-product' or None for a field of Java type jt."""
    m = re.fullmatch(r"List<(\w+)>", jt)
    if m:
        k = child_kind(m.group(1))
        return ("list-" + k) if k else None
    if jt in SUM_METHOD:
        return "sum"
    if jt in PRODUCT_TYPES:
        return "product"
    return None

def list_method(elem):
    return "list" + elem

out = []
w = out.append
w("// Generated by scripts/ast/gen_ast.py from CPython's ast node shapes (scripts/ast/shapes). Do not edit.")
w("package io.github.pycompile.ast;")
w("")
w("import io.github.pycompile.ast.Ast.*;")
w("import java.util.ArrayList;")
w("import java.util.List;")
w("")
w("/**")
w(" * A bottom-up rewriter of {@link Ast} trees, written out for every node type (no reflection).")
w(" * {@code visitX(n)} rewrites the children of {@code n} in field order, each through {@link #expr},")
w(" * {@link #stmt}, {@link #pattern}, {@link #typeParam}, {@link #annotation} or the {@code visitY} of a")
w(" * product type, and returns {@code n} itself when no child changed (by identity), else a copy of")
w(" * {@code n} with the new children; a changed list is a new list. Subclasses change nodes by")
w(" * overriding {@link #expr} and friends (to replace a node by one of another kind) or a {@code visitX}")
w(" * (to post-process one kind); this class on its own returns every tree unchanged.")
w(" */")
w("public class AstRewriter")
w("        implements %s {" % ",\n            ".join("%sVisitor<%s>" % (j, j) for j in SUMS.values()))
w("")
for java, meth in SUM_METHOD.items():
    w("    /** Rewrites {@code n} (null stays null): dispatches to its {@code visitX}. */")
    w("    public %s %s(%s n) {" % (java, meth, java))
    w("        return n == null ? null : n.accept(this);")
    w("    }")
    w("")
w("    /**")
w("     * Rewrites an annotation ({@code arg.annotation}, {@code AnnAssign.annotation}, the {@code returns} of")
w("     * a function definition); by default as any expression.")
w("     */")
w("    public Expr annotation(Expr n) {")
w("        return expr(n);")
w("    }")
w("")

elems = set()
def rec_fields(name, spec):
    res = []
    for f in spec["fields"]:
        res.append((f, jtype(spec["types"][f])))
    for a in spec["attributes"]:
        res.append((a, "int"))
    return res

def rewriter_method(name, spec, override):
    jn = jclass(name)
    fields = rec_fields(name, spec)
    kids = [(f, jt, child_kind(jt)) for f, jt in fields if child_kind(jt)]
    w("    /** Rewrites the children of {@code %s} nodes. */" % pyname(name))
    if override:
        w("    @Override")
    w("    public %s visit%s(%s n) {" % (jn, jn, jn))
    if not kids:
        w("        return n;")
        w("    }")
        w("")
        return
    conds = []
    for f, jt, kind in kids:
        a = jname(f)
        if kind == "sum":
            meth = "annotation" if (name, f) in ANNOTATION_FIELDS else SUM_METHOD[jt]
            call = "%s(n.%s())" % (meth, a)
        elif kind == "product":
            call = "n.%s() == null ? null : visit%s(n.%s())" % (a, jt, a)
        else:
            elem = re.fullmatch(r"List<(\w+)>", jt).group(1)
            elems.add(elem)
            call = "%s(n.%s())" % (list_method(elem), a)
        w("        %s %s = %s;" % (jt, a, call))
        conds.append("%s == n.%s()" % (a, a))
    cond = "        if (" + " && ".join(conds) + ") {"
    if len(cond) > 120:
        cond = "        if (" + "\n                && ".join(conds) + ") {"
    w(cond)
    w("            return n;")
    w("        }")
    kidnames = {jname(f) for f, _, _ in kids}
    args = [jname(f) if jname(f) in kidnames else "n.%s()" % (jname(f) if i < len(spec["fields"]) else camel(f))
            for i, (f, _) in enumerate(fields)]
    line = "        return new %s(%s);" % (jn, ", ".join(args))
    if len(line) > 120:
        line = "        return new %s(\n                %s);" % (jn, ",\n                ".join(args))
    w(line)
    w("    }")
    w("")

for asdl, java in SUMS.items():
    for m in members_of(asdl):
        rewriter_method(m, nodes[m], True)
for asdl, java in PRODUCTS.items():
    rewriter_method(asdl, nodes[asdl], False)
for name, spec in EXTRA_PRODUCTS.items():
    rewriter_method(name, spec, False)

for elem in sorted(elems):
    if elem in SUM_METHOD:
        call = "%s(x)" % SUM_METHOD[elem]
    else:
        call = "x == null ? null : visit%s(x)" % elem
    w("    /** Rewrites each element; the list itself when none changed, else a new list. */")
    w("    public List<%s> %s(List<%s> xs) {" % (elem, list_method(elem), elem))
    w("        if (xs == null) {")
    w("            return null;")
    w("        }")
    w("        List<%s> out = null;" % elem)
    w("        for (int i = 0, n = xs.size(); i < n; i++) {")
    w("            %s x = xs.get(i);" % elem)
    w("            %s y = %s;" % (elem, call))
    w("            if (out != null) {")
    w("                out.add(y);")
    w("            } else if (y != x) {")
    w("                out = new ArrayList<>(n);")
    w("                out.addAll(xs.subList(0, i));")
    w("                out.add(y);")
    w("            }")
    w("        }")
    w("        return out == null ? xs : out;")
    w("    }")
    w("")
while out[-1] == "":
    out.pop()
w("}")
path = os.path.join(ROOT, "src/main/java/io/github/pycompile/ast/AstRewriter.java")
open(path, "w").write("\n".join(out) + "\n")
print("wrote", path, len(out), "lines")

# ------------------------------------------------------------------------------------- AstIdentifiers
# Every identifier string of a tree: the String and List<String> fields of each node type (but the
# constant's kind, type comments and type-ignore tags), collected during an unchanged AstRewriter walk.

IDENT_SKIP = {"kind", "typeComment", "tag"}
out = []
w = out.append
w("// Generated by scripts/ast/gen_ast.py from CPython's ast node shapes (scripts/ast/shapes). Do not edit.")
w("package io.github.pycompile.ast;")
w("")
w("import io.github.pycompile.ast.Ast.*;")
w("import java.util.HashSet;")
w("import java.util.List;")
w("import java.util.Set;")
w("")
w("/**")
w(" * Every identifier a tree holds (names, attributes, parameters, keywords, imported and declared")
w(" * names): the strings CPython's parser interns while building the tree. Written out for every node")
w(" * type (no reflection): each node's string fields, except a constant's {@code kind}, type comments")
w(" * and type-ignore tags.")
w(" */")
w("public final class AstIdentifiers extends AstRewriter {")
w("    private final Set<String> out = new HashSet<>();")
w("")
w("    private AstIdentifiers() {}")
w("")
w("    /** The identifiers under {@code root}: a module, statement, expression, pattern or type parameter. */")
w("    public static Set<String> of(Node root) {")
w("        AstIdentifiers v = new AstIdentifiers();")
w("        if (root instanceof Mod m) {")
w("            v.mod(m);")
w("        } else if (root instanceof Stmt s) {")
w("            v.stmt(s);")
w("        } else if (root instanceof Expr e) {")
w("            v.expr(e);")
w("        } else if (root instanceof Pattern p) {")
w("            v.pattern(p);")
w("        } else if (root instanceof TypeParam t) {")
w("            v.typeParam(t);")
w("        } else if (root != null) {")
w("            throw new IllegalArgumentException(\"not a sum-type node: \" + root.pyName());")
w("        }")
w("        return v.out;")
w("    }")
w("")
w("    private void add(String s) {")
w("        if (s != null) {")
w("            out.add(s);")
w("        }")
w("    }")
w("")
w("    private void addAll(List<String> xs) {")
w("        if (xs != null) {")
w("            for (String s : xs) {")
w("                add(s);")
w("            }")
w("        }")
w("    }")

def ident_method(name, spec):
    jn = jclass(name)
    strs = [(jname(f), jt) for f, jt in rec_fields(name, spec)[:len(spec["fields"])]
            if jt in ("String", "List<String>") and jname(f) not in IDENT_SKIP]
    if not strs:
        return
    w("")
    w("    @Override")
    w("    public %s visit%s(%s n) {" % (jn, jn, jn))
    for a, jt in strs:
        w("        %s(n.%s());" % ("add" if jt == "String" else "addAll", a))
    w("        return super.visit%s(n);" % jn)
    w("    }")

for asdl, java in SUMS.items():
    for m in members_of(asdl):
        ident_method(m, nodes[m])
for asdl, java in PRODUCTS.items():
    ident_method(asdl, nodes[asdl])
for name, spec in EXTRA_PRODUCTS.items():
    ident_method(name, spec)
w("}")
path = os.path.join(ROOT, "src/main/java/io/github/pycompile/ast/AstIdentifiers.java")
open(path, "w").write("\n".join(out) + "\n")
print("wrote", path, len(out), "lines")
