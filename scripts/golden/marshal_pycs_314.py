# Run under CPython 3.14 (pyodide, via run_in_pyodide.mjs): py_compile a few stdlib modules (their
# sources come out of pyodide's stdlib zip) and print "name hex" lines; marshal_pycs.sh turns them into
# src/test/resources/golden/marshal/pyc/3.14/*.pyc.
import py_compile, binascii, importlib.util
for m in ['keyword', 'textwrap', 'string', 'json.decoder']:
    name = m.replace('.', '_')
    src = '/tmp/' + name + '.py'
    with open(src, 'w', encoding='utf-8') as f:
        f.write(importlib.util.find_spec(m).loader.get_source(m))
    cfile = '/tmp/' + name + '.pyc'
    py_compile.compile(src, cfile=cfile, doraise=True)
    with open(cfile, 'rb') as f:
        print(name, binascii.hexlify(f.read()).decode())
