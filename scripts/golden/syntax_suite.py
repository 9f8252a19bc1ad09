# The syntax-error cases of CPython's own test suite, as the running CPython decides them. Prints one
# JSON line per case: {"origin", "src", "type", "msg", "lineno", "offset", "end_lineno", "end_offset"},
# "src" being the source's bytes one char per byte (latin-1), "origin" "<test file>:<where>".
# Cases, from the syntax-related test modules (test_syntax, test_grammar, test_exceptions, test_fstring,
# test_patma, test_eof, test_genexps, test_global, test_keywordonlyarg, test_named_expressions,
# test_positional_only_arg, test_string_literals, test_type_params, test_compile, test_future,
# test_unparse): the doctest examples whose expected output is a SyntaxError or IndentationError, and
# the source strings those modules hand to compile/eval/exec or to their syntax-checking helpers
# (check_syntax_error, _check_error, assert_syntax_error, assertAllRaise...), textwrap.dedent applied
# where they do, that this CPython refuses with a SyntaxError (or IndentationError/TabError).
# Each case is compiled as py_compile would compile a file holding it: compile(bytes, name, 'exec',
# dont_inherit=True). Runs under 2.7 and 3.6+ (and pyodide's 3.14). Usage: pythonX.Y syntax_suite.py
# [TESTDIR] > src/test/resources/golden/syntax-suite/X.Y.jsonl
# 3.14 (pyodide, which ships no test package) judges the 3.13 test suite's cases: from the directory holding
# node_modules/pyodide, node scripts/golden/run_in_pyodide_host.mjs scripts/golden/syntax_suite.py
# /host/<3.13's Lib/test> < /dev/null > src/test/resources/golden/syntax-suite/3.14.jsonl
import ast, doctest, json, os, sys, warnings

PY2 = sys.version_info[0] == 2
MODULES = ["test_syntax", "test_grammar", "test_exceptions", "test_fstring", "test_patma", "test_eof",
           "test_genexps", "test_global", "test_keywordonlyarg", "test_named_expressions",
           "test_positional_only_arg", "test_string_literals", "test_type_params", "test_compile",
           "test_future", "test_unparse"]


def test_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    import test
    return os.path.dirname(test.__file__)


# helpers whose first string argument is a source; assertAllRaise takes a list of sources
SOURCE_FUNCS = set(["compile", "eval", "exec", "check", "check_syntax_error", "_check_error",
                    "assert_syntax_error", "compile_single", "assertRaisesSyntaxError", "assertInvalidSingle",
                    "_checkeval", "check_syntax_warning", "_check_in_scopes", "assertSyntaxError"])


def literal(node):
    """The string a node denotes: a literal, or textwrap.dedent/dedent of one; else None."""
    if PY2:
        if isinstance(node, ast.Str):
            return node.s
    elif sys.version_info < (3, 8):
        if isinstance(node, (ast.Str, ast.Bytes)):
            return node.s
    elif isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return node.value
    if isinstance(node, ast.Call) and fname(node) == "dedent" and node.args:
        s = literal(node.args[0])
        if s is not None:
            import textwrap
            return textwrap.dedent(s)
    return None


def fname(call):
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def strings(tree):
    for node in ast.walk(tree):
        s = literal(node)
        if s is not None and ">>> " in (s if not isinstance(s, bytes) else ""):
            for ex in doctest.DocTestParser().get_examples(s):
                if "SyntaxError" in ex.want or "IndentationError" in ex.want:
                    yield "doctest:%d" % (node.lineno + ex.lineno), ex.source
        if not isinstance(node, ast.Call):
            continue
        name = fname(node)
        if name == "assertAllRaise" and len(node.args) >= 3 and isinstance(node.args[2], (ast.List, ast.Tuple)):
            for e in node.args[2].elts:
                s = literal(e)
                if s is not None:
                    yield "%d" % e.lineno, s
        elif name in ("assertRaises", "assertRaisesRegex"):
            for a in node.args[1:]:
                s = literal(a)
                if s is not None:
                    yield "%d" % a.lineno, s
                    break
        elif name in SOURCE_FUNCS:
            for a in node.args:
                s = literal(a)
                if s is not None:
                    yield "%d" % a.lineno, s
                    break


def as_bytes(s):
    if isinstance(s, bytes):
        return s
    try:
        return s.encode("utf-8")
    except UnicodeError:
        return None  # lone surrogates: no file holds them


def outcome(src):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, "<case>", "exec", 0, True)
        except SyntaxError as e:
            return {"type": type(e).__name__, "msg": e.msg if e.msg is not None else str(e),
                    "lineno": e.lineno, "offset": e.offset,
                    "end_lineno": getattr(e, "end_lineno", None), "end_offset": getattr(e, "end_offset", None)}
        except Exception:
            return None  # ValueError (null bytes), MemoryError, RecursionError...: not a syntax case
    return None


def main():
    d = test_dir()
    seen = set()
    out = []
    for mod in MODULES:
        path = os.path.join(d, mod + ".py")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            text = f.read()
        tree = ast.parse(text, path)
        for where, s in strings(tree):
            b = as_bytes(s)
            if b is None or b in seen:
                continue
            r = outcome(b)
            if r is None:
                continue
            seen.add(b)
            case = {"origin": "%s:%s" % (mod, where), "src": b.decode("latin-1")}
            case.update(r)
            out.append(case)
    for c in out:
        sys.stdout.write(json.dumps(c, sort_keys=True) + "\n")


main()
