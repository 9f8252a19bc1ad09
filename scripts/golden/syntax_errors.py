# Compiles every case of src/test/resources/golden/syntax-errors/cases.json as the running CPython's
# py_compile would (3.x: compile() of the file's bytes with dont_inherit; 2.x: the file read with
# universal newlines, then compile() of that str). The source is also written to x.py in a scratch
# directory that is the current directory, and compiled under that name, because CPython reads the
# offending line back from the named file for some errors (SyntaxError.text). One JSON object per case:
#   {"name": ..., "ok": true}                                  compiled
#   {"name": ..., "type": "SyntaxError", "msg": ..., "lineno": ..., "offset": ...,
#    "text": ..., "end_lineno": ..., "end_offset": ...}        raised (end_* only where the version has them)
# plus "warnings": [[category, message, lineno], ...] when compile() warned.
# Runs under 2.7 and 3.6+ (3.14 through pyodide: scripts/golden/syntax_errors_314.mjs).
# Usage: pythonX.Y scripts/golden/syntax_errors.py cases.json > <X.Y>/results.jsonl
import json
import os
import sys
import tempfile
import warnings

PY2 = sys.version_info[0] == 2


def source_of(case):
    # "src" holds the file's bytes, one char per byte (latin-1)
    raw = case["src"].encode("latin-1")
    if PY2:
        return raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return raw


def text_of(value):
    if value is None:
        return None
    if isinstance(value, bytes) and not PY2:
        return value.decode("latin-1")
    if PY2 and isinstance(value, str):
        return value.decode("latin-1")
    return value


def run_case(case):
    out = {"name": case["name"]}
    with open("x.py", "wb") as f:
        f.write(case["src"].encode("latin-1"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if PY2:
                compile(source_of(case), "x.py", "exec")
            else:
                compile(source_of(case), "x.py", "exec", dont_inherit=True)
            out["ok"] = True
        except Exception as e:
            out["type"] = type(e).__name__
            if isinstance(e, SyntaxError):
                out["msg"] = text_of(e.msg)
                out["lineno"] = e.lineno
                out["offset"] = e.offset
                out["text"] = text_of(e.text)
                if hasattr(e, "end_lineno"):
                    out["end_lineno"] = e.end_lineno
                    out["end_offset"] = e.end_offset
            else:
                out["msg"] = text_of(str(e))
    if caught:
        out["warnings"] = [[w.category.__name__, text_of(str(w.message)), w.lineno] for w in caught]
    return out


def main(cases_text):
    lines = []
    cases = json.loads(cases_text)
    here = os.getcwd()
    scratch = tempfile.mkdtemp()
    os.chdir(scratch)
    try:
        for case in cases:
            lines.append(json.dumps(run_case(case), sort_keys=True))
    finally:
        if os.path.exists("x.py"):
            os.remove("x.py")
        os.chdir(here)
        os.rmdir(scratch)
    return "\n".join(lines) + "\n"


if "CASES_TEXT" in globals():
    RESULT = main(CASES_TEXT)
elif __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        sys.stdout.write(main(f.read().decode("ascii")))
