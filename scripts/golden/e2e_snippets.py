# Compiles every snippet of src/test/resources/golden/e2e/snippets as this CPython's py_compile
# would (compile(source_bytes, name, 'exec', dont_inherit=True, optimize=N) for 3.x at N = 0, 1, 2;
# 2.x at the interpreter's own -O level, reading with universal newlines) and prints one JSON line per
# snippet and level: the marshalled code as hex, or the error, and the warnings emitted.
# Input: the JSON text {name: source-as-hex} in the global CASES_TEXT (pyodide) or the file argv[1].
import binascii, json, marshal, sys, warnings

try:
    CASES_TEXT  # noqa: F821 (set by the pyodide driver)
except NameError:
    CASES_TEXT = open(sys.argv[1]).read()
cases = json.loads(CASES_TEXT)
out = []
PY2 = sys.version_info[0] == 2
levels = [sys.flags.optimize] if PY2 else [0, 1, 2]
for name in sorted(cases):
    source = binascii.unhexlify(cases[name])
    if PY2:
        source = source.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    for level in levels:
        rec = {"name": name, "level": level}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if PY2:
                    code = compile(source, name, "exec", 0, True)
                else:
                    code = compile(source, name, "exec", dont_inherit=True, optimize=level)
                rec["body"] = binascii.hexlify(marshal.dumps(code)).decode("ascii")
            except Exception as e:
                rec["error"] = {"type": type(e).__name__, "msg": str(getattr(e, "msg", e)),
                                "lineno": getattr(e, "lineno", None), "offset": getattr(e, "offset", None)}
        rec["warnings"] = [{"category": w.category.__name__, "message": str(w.message), "lineno": w.lineno}
                           for w in caught]
        out.append(json.dumps(rec, sort_keys=True))
RESULT = "\n".join(out) + "\n"
if "CASES_TEXT" not in globals() or len(sys.argv) > 1:
    sys.stdout.write(RESULT)
