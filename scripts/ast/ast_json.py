# Reads file names (one per line) on stdin; for each prints one JSON line with the tree this
# CPython's ast.parse builds from the file's bytes (as py_compile would read them), or the error it
# raises. Consumed by the Java test-support bridge testsupport.CpythonAst, which turns the JSON into
# our ast.Ast records. Node: {"_": "ClassName", field: value, ..., "lineno": n, ...}; constants:
# {"$": "int"|"float"|"complex"|"str"|"bytes"|"None"|"True"|"False"|"Ellipsis"|"tuple"|"frozenset", ...}.
# 3.6/3.7 literal nodes (Num, Str, Bytes, NameConstant, Ellipsis) are written as Constant, and 3.8's
# Index/ExtSlice as the expression (or Tuple) they hold, so every 3.x tree has the 3.9+ shape.
import ast, binascii, json, struct, sys, threading, warnings

warnings.simplefilter("ignore")  # parse-time warnings are not part of the tree

PY2 = sys.version_info[0] == 2
text_type = unicode if PY2 else str  # noqa: F821 (2.7's name)
int_types = (int,) if not PY2 else (int,)
try:
    RecursionError
except NameError:  # 2.7 reports a too deep recursion as RuntimeError
    RecursionError = RuntimeError

def hexs(b):
    return binascii.hexlify(b).decode("ascii")

def const(v):
    if v is None: return {"$": "None"}
    if v is True: return {"$": "True"}
    if v is False: return {"$": "False"}
    if v is Ellipsis: return {"$": "Ellipsis"}
    t = type(v)
    if t is int: return {"$": "int", "v": str(v)}
    if PY2 and t is long: return {"$": "long", "v": str(v)}  # noqa: F821
    if t is float: return {"$": "float", "v": hexs(struct.pack(">d", v))}
    if t is complex: return {"$": "complex", "r": hexs(struct.pack(">d", v.real)), "i": hexs(struct.pack(">d", v.imag))}
    if t is text_type: return {"$": "str", "v": [ord(c) for c in v] if any(0xD800 <= ord(c) < 0xE000 for c in v) else v}
    if t is bytes:
        d = {"$": "bytes", "v": hexs(v)}
        # 2.x: a one-character str that is the interpreter's shared one-character object (a literal
        # without escapes) rather than a fresh copy; marshal writes the shared one as interned
        if PY2 and len(v) == 1 and v is chr(ord(v)):
            d["shared"] = True
        return d
    if t is tuple: return {"$": "tuple", "v": [const(x) for x in v]}
    if t is frozenset: return {"$": "frozenset", "v": [const(x) for x in v]}
    raise TypeError("constant of type %s" % t)

POS = ("lineno", "col_offset", "end_lineno", "end_col_offset")

def pos(node, d):
    for a in POS:
        d[a] = getattr(node, a, -1)
        if d[a] is None:
            d[a] = -1
    return d

def conv(node):
    if isinstance(node, list):
        return [conv(x) for x in node]
    if not isinstance(node, ast.AST):
        return node
    name = type(node).__name__
    if PY2:
        return conv2(node, name)
    legacy = {"Num": "n", "Str": "s", "Bytes": "s", "NameConstant": "value"}
    if name in legacy and sys.version_info < (3, 8):
        return pos(node, {"_": "Constant", "value": const(getattr(node, legacy[name])), "kind": None})
    if name == "Ellipsis" and sys.version_info < (3, 8):
        return pos(node, {"_": "Constant", "value": const(Ellipsis), "kind": None})
    if name == "Index":
        return conv(node.value)
    if name == "ExtSlice":
        return {"_": "Tuple", "elts": [conv(d) for d in node.dims], "ctx": {"_": "Load"},
                "lineno": -1, "col_offset": -1, "end_lineno": -1, "end_col_offset": -1}
    d = {"_": name}
    for f in node._fields:
        v = getattr(node, f, None)
        if name in ("Constant", "MatchSingleton") and f == "value":
            d[f] = const(v)
        else:
            d[f] = conv(v)
    for a in getattr(node, "_attributes", ()):
        v = getattr(node, a, None)
        d[a] = -1 if v is None else v
    return d

# Python 2 nodes whose shape differs from 3.x travel under our Py2* names
PY2_RENAMED = {"Raise": "Py2Raise", "FunctionDef": "Py2FunctionDef", "Lambda": "Py2Lambda", "Call": "Py2Call",
               "ExceptHandler": "Py2ExceptHandler", "arguments": "Py2Arguments"}
NOPOS = {"lineno": -1, "col_offset": -1, "end_lineno": -1, "end_col_offset": -1}

def conv2(node, name):
    if name == "Num":
        return pos(node, {"_": "Constant", "value": const(node.n), "kind": None})
    if name == "Str":
        return pos(node, {"_": "Constant", "value": const(node.s), "kind": None})
    if name == "Index":
        return conv(node.value)
    if name == "Ellipsis":
        d = {"_": "Constant", "value": const(Ellipsis), "kind": None}
        d.update(NOPOS)
        return d
    if name == "ExtSlice":
        d = {"_": "Tuple", "elts": [conv(x) for x in node.dims], "ctx": {"_": "Load"}}
        d.update(NOPOS)
        return d
    if name == "With":
        d = {"_": "With", "items": [{"_": "withitem", "context_expr": conv(node.context_expr),
                                      "optional_vars": conv(node.optional_vars)}],
             "body": conv(node.body), "type_comment": None}
        return pos(node, d)
    d = {"_": PY2_RENAMED.get(name, name)}
    for f in node._fields:
        d[f] = conv(getattr(node, f, None))
    if name == "ClassDef":
        d["keywords"] = []
    if name == "comprehension":
        d["is_async"] = 0
    if name == "Slice":
        d.update(NOPOS)
    for a in getattr(node, "_attributes", ()):
        d[a] = getattr(node, a, -1)
    return d

HOST = "/host" if sys.platform == "emscripten" else ""  # pyodide sees the host file system there

def main():
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        try:
            with open(HOST + path, "rb") as f:
                src = f.read()
            tree = ast.parse(src, path)
            rec = {"file": path, "tree": conv(tree)}
        except (SyntaxError, ValueError, TypeError, UnicodeError, MemoryError, RecursionError) as e:
            rec = {"file": path, "error": {"type": type(e).__name__, "msg": str(getattr(e, "msg", e)),
                   "lineno": getattr(e, "lineno", None), "offset": getattr(e, "offset", None)}}
        out.write(json.dumps(rec))
        out.write("\n")
        out.flush()

if sys.platform == "emscripten":  # no threads in pyodide
    sys.setrecursionlimit(20000)
    main()
else:
    sys.setrecursionlimit(1000000)
    threading.stack_size(512 * 1024 * 1024)
    t = threading.Thread(target=main)
    t.start()
    t.join()
