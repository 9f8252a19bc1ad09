# Prints the shape of this interpreter's `ast` module as JSON: every node class with its base,
# _fields, _attributes and (3.13+) field types. Used by gen_ast.py to generate the Java AST and
# the per-version ast.dump tables. Runs on 2.7 and 3.6+ (and pyodide for 3.14).
import ast, json, sys
out = {"version": "%d.%d" % sys.version_info[:2], "nodes": {}}
def walk(cls):
    for sub in cls.__subclasses__():
        if sub.__module__ != "ast" and sub.__module__ != "_ast":
            continue
        name = sub.__name__
        if name in out["nodes"]:
            continue
        base = cls.__name__
        types = getattr(sub, "_field_types", None)
        ft = {}
        if types:
            for k, v in types.items():
                ft[k] = repr(v) if not isinstance(v, type) else v.__name__
        out["nodes"][name] = {"base": base, "fields": list(getattr(sub, "_fields", ())),
                              "attributes": list(getattr(sub, "_attributes", ())), "types": ft}
        walk(sub)
walk(ast.AST)
sys.stdout.write(json.dumps(out, sort_keys=True, indent=1))
sys.stdout.write("\n")
