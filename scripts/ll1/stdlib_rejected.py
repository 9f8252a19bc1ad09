"""Lists the .py files of the running interpreter's standard library (site-packages left out) that
its compile() rejects, one JSON line each: path, and the error's type, msg, lineno and offset.
Used to check the 3.6-3.8 parser's errors on real files:

    python3.8 scripts/ll1/stdlib_rejected.py > /tmp/rejected-3.8.jsonl
"""
import json
import os
import sys
import warnings

lib = os.path.dirname(os.__file__)
warnings.simplefilter("ignore")
for root, dirs, files in os.walk(lib):
    dirs.sort()
    if os.path.relpath(root, lib).startswith("site-packages"):
        continue
    for f in sorted(files):
        if not f.endswith(".py"):
            continue
        path = os.path.join(root, f)
        with open(path, "rb") as fh:
            src = fh.read()
        try:
            compile(src, path, "exec", dont_inherit=True)
        except SyntaxError as e:
            print(json.dumps({"path": path, "type": type(e).__name__, "msg": e.msg, "lineno": e.lineno,
                              "offset": e.offset}))
        except (ValueError, MemoryError, RecursionError) as e:
            print(json.dumps({"path": path, "type": type(e).__name__, "msg": str(e), "lineno": None,
                              "offset": None}))
