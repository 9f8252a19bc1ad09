# For each line "SOURCE<TAB>DFILE" on stdin, prints one JSON line with what this interpreter's
# py_compile would write after the header: the marshalled code object as hex, or the compile error
# (type, msg, lineno, offset), and the warnings emitted while compiling. Run it with -O / -OO for the
# optimization level (py_compile uses the interpreter's), or pass "--optimize N" (3.x, e.g. under
# pyodide, which has no -O; there host paths are read under /host). Runs on 2.7 and 3.6+.
# Used by the end-to-end differential tests (testsupport.CpythonCompile).
import sys, json, marshal, warnings, binascii

HOST = "/host" if sys.platform == "emscripten" else ""
OPTIMIZE = int(sys.argv[sys.argv.index("--optimize") + 1]) if "--optimize" in sys.argv else -1

def compile_one(path, dfile):
    if sys.version_info[0] == 2:
        with open(path, "U") as f:
            source = f.read()
    else:
        with open(HOST + path, "rb") as f:
            source = f.read()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if sys.version_info[0] == 2:
                code = compile(source, dfile, "exec", 0, True)
            else:
                code = compile(source, dfile, "exec", dont_inherit=True, optimize=OPTIMIZE)
            rec = {"body": binascii.hexlify(marshal.dumps(code)).decode("ascii")}
        except Exception as e:
            rec = {"error": {"type": type(e).__name__, "msg": str(getattr(e, "msg", e)),
                             "lineno": getattr(e, "lineno", None), "offset": getattr(e, "offset", None)}}
    rec["warnings"] = [{"category": w.category.__name__, "message": str(w.message),
                        "filename": w.filename, "lineno": w.lineno} for w in caught]
    return rec

def main():
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        path, dfile = line.split("\t")
        rec = compile_one(path, dfile)
        rec["file"] = path
        sys.stdout.write(json.dumps(rec) + "\n")
        sys.stdout.flush()

if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main()
