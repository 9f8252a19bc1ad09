# Every codec name CPython accepts in a coding cookie, and the codec it names: prints "name codec" lines
# (names normalised as encodings.normalize_encoding does, lower case), for
# src/main/resources/io/github/pycompile/source/python-codecs.txt. Run with python3.11.
import encodings, encodings.aliases, pkgutil, codecs
names = {}
for m in pkgutil.iter_modules(encodings.__path__):
    try:
        ci = codecs.lookup(m.name)
    except LookupError:
        continue
    names[m.name] = ci.name
for alias, mod in encodings.aliases.aliases.items():
    try:
        names[alias] = codecs.lookup(mod).name
    except LookupError:
        pass
for n in sorted(names):
    print(n, names[n])
