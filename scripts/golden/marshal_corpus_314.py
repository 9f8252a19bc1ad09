# Run under CPython 3.14 (pyodide, via run_in_pyodide.mjs): py_compile the .py files of pyodide's
# stdlib zip and print "name hex" lines (the whole cache file). MarshalRoundTripTest reads them back.
# The test prepends "SAMPLE = n" (every n-th file; 1 = all) before running this text.
import py_compile, binascii, zipfile, os, sys
try:
    SAMPLE
except NameError:
    SAMPLE = 1
zpath = next(p for p in sys.path if p.endswith('.zip'))
with zipfile.ZipFile(zpath) as z:
    names = sorted(n for n in z.namelist() if n.endswith('.py'))
    for i, n in enumerate(names):
        if i % SAMPLE:
            continue
        src = '/tmp/m.py'
        with open(src, 'wb') as f:
            f.write(z.read(n))
        try:
            py_compile.compile(src, cfile='/tmp/m.pyc', dfile=n, doraise=True)
        except py_compile.PyCompileError:
            continue
        with open('/tmp/m.pyc', 'rb') as f:
            print(n, binascii.hexlify(f.read()).decode())
