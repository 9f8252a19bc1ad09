# Writes src/test/resources/golden/assemble/3.11/<case>.hex: marshal.dumps of compile(<case>.py) by
# CPython 3.11 (the module code object as py_compile marshals it). Run with python3.11 from the
# repository root: python3.11 scripts/golden/assemble_311.py
import glob, marshal, os, sys
assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
d = os.path.join("src", "test", "resources", "golden", "assemble", "3.11")
for src in sorted(glob.glob(os.path.join(d, "*.py"))):
    # Hold the file name while marshalling, as py_compile does (it decides co_filename's FLAG_REF).
    fname = os.path.basename(src)
    with open(src, "rb") as f:
        code = compile(f.read(), fname, "exec", dont_inherit=True)
    with open(src[:-3] + ".hex", "w") as f:
        f.write(marshal.dumps(code).hex() + "\n")
    print(src)
