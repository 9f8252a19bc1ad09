# For each line "SOURCE<TAB>DFILE" on stdin, prints one JSON line with what this interpreter's
# py_compile would write after the header: the marshalled code object as hex, or the compile error
# (type, msg, lineno, offset), and the warnings emitted while compiling. Run it with -O / -OO for the
# optimization level (py_compile uses the interpreter's), or pass "--optimize N" (3.x, e.g. under
# pyodide, which has no -O; there host paths are read under /host). Runs on 2.7 and 3.6+.
# Used by the end-to-end differential tests (testsupport.CpythonCompile).
import sys, os, marshal, warnings, binascii

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

def jstr(s):
    # a JSON string literal, written by hand: the json module's C encoder interns "{", "}", ... on
    # first use, which would change how later compiles marshal those one-character constants
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == '\\':
            out.append('\\' + ch)
        elif o < 0x20 or o >= 0x7f:
            if o > 0xFFFF:
                o -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
            else:
                out.append('\\u%04x' % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)

def jval(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (str, type(u""))):
        return jstr(v)
    if isinstance(v, list):
        return "[" + ", ".join(jval(x) for x in v) + "]"
    return "{" + ", ".join(jstr(k) + ": " + jval(x) for k, x in v.items()) + "}"

def isolated(path, dfile):
    """Compiles in a forked child, so that no file sees what compiling the others interned (a string
    interned by an earlier compile, or by a module imported lazily meanwhile, changes marshal's
    output): each file is compiled in the state the interpreter has after start-up, as
    `python -m py_compile FILE` compiles it."""
    if not hasattr(os, "fork") or sys.platform == "emscripten":
        return jval(compile_one(path, dfile))
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            data = jval(compile_one(path, dfile)).encode("utf-8")
        except BaseException as e:
            data = jval({"error": {"type": type(e).__name__, "msg": str(e), "lineno": None,
                                   "offset": None}, "warnings": []}).encode("utf-8")
        while data:
            n = os.write(w, data)
            data = data[n:]
        os._exit(0)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 1 << 16)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")

def main():
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        path, dfile = line.split("\t")
        rec = isolated(path, dfile)
        # the record is an object: add the file name without parsing it
        sys.stdout.write(rec[:-1] + ", " + jstr("file") + ": " + jstr(path) + "}\n")
        sys.stdout.flush()

if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main()
