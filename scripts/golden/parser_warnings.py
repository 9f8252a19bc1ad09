# Parses every case of src/test/resources/golden/parser-warnings/cases.json with the running CPython's
# ast.parse (3.6+) and records, per case, the warnings it emitted while parsing (category, message,
# lineno, in order, every one kept: simplefilter("always")) and the SyntaxError it raised, if any.
# Usage: pythonX.Y scripts/golden/parser_warnings.py cases.json > <X.Y>.jsonl
# Under pyodide (3.14): run with CASES_TEXT set and read RESULT (scripts/golden/parser_warnings.sh).
import ast
import json
import sys
import warnings


def run(cases):
    out = []
    for src in cases:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                ast.parse(src)
                err = None
            except SyntaxError as e:
                err = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}
        out.append(json.dumps({"src": src, "warnings": [[w.category.__name__, str(w.message), w.lineno]
                                                         for w in caught], "error": err}, sort_keys=True))
    return "\n".join(out) + "\n"


if "CASES_TEXT" in globals():
    RESULT = run(json.loads(CASES_TEXT))  # noqa: F821 (set by the pyodide runner)
else:
    sys.stdout.write(run(json.load(open(sys.argv[1]))))
