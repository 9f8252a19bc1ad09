# Prints what this interpreter's ast.dump needs to know about each node class, one class a line:
#   Name fields attributes defaults
# each a comma-separated list ('-' when empty); 'defaults' are the fields and attributes whose class
# attribute is None (3.9+ ast.dump leaves those out when the node's value is None too).
# Run under 2.7, 3.6-3.13 and pyodide (3.14); gen_dump_shapes.py turns the outputs
# (scripts/ast/dump_shapes/X.Y.txt) into ast/AstDumpShapes.java.
import ast, sys

MISSING = object()
seen = {}

def walk(cls):
    for sub in cls.__subclasses__():
        if sub.__module__ not in ("ast", "_ast") or sub.__name__ in seen:
            continue
        fields = list(getattr(sub, "_fields", ()))
        attrs = list(getattr(sub, "_attributes", ()))
        defaults = [n for n in fields + attrs if getattr(sub, n, MISSING) is None]
        seen[sub.__name__] = (fields, attrs, defaults)
        walk(sub)

walk(ast.AST)
for name in sorted(seen):
    sys.stdout.write("%s %s\n" % (name, " ".join(",".join(x) or "-" for x in seen[name])))
