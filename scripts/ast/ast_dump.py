# Reads file names (one per line) on stdin; for each prints one JSON line with the text of
# ast.dump(ast.parse(source), include_attributes=True) under this CPython (the file's bytes read as
# py_compile reads them), or the error ast.parse raises:
#   {"file": path, "dump": text}, {"file": path, "error": "Type: message"} (ast.parse failed)
# or {"file": path, "dump_error": "Type: message"} (ast.dump failed)
# Consumed by the Java tests of ast.AstDump (AstDumpDifferentialTest) and by
# scripts/golden/astdump_golden.sh for the committed golden dumps. Runs on 2.7, 3.6+ and pyodide.
import ast, json, sys, threading, warnings

warnings.simplefilter("ignore")
try:
    RecursionError
except NameError:  # 2.7
    RecursionError = RuntimeError

HOST = "/host" if sys.platform == "emscripten" else ""

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
        except (SyntaxError, ValueError, TypeError, UnicodeError, MemoryError, RecursionError) as e:
            rec = {"file": path, "error": "%s: %s" % (type(e).__name__, getattr(e, "msg", e))}
        else:
            try:
                rec = {"file": path, "dump": ast.dump(tree, include_attributes=True)}
            except (ValueError, RecursionError) as e:  # 3.7+: repr() of an int of over 4300 digits
                rec = {"file": path, "dump_error": "%s: %s" % (type(e).__name__, e)}
        out.write(json.dumps(rec))
        out.write("\n")
        out.flush()

if sys.platform == "emscripten":
    sys.setrecursionlimit(20000)
    main()
else:
    sys.setrecursionlimit(1000000)
    threading.stack_size(512 * 1024 * 1024)
    t = threading.Thread(target=main)
    t.start()
    t.join()
