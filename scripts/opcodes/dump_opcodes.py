# Prints, as JSON, the opcode facts of the running CPython (2.7, 3.6+): run by gen_opcodes.py
# under each interpreter. Works on Python 2.7 too, so only old syntax is used.
import sys, json, opcode, dis

def main():
    names = {}
    for name, num in opcode.opmap.items():
        names[name] = num
    hasarg = opcode.HAVE_ARGUMENT
    out = {
        "version": "%d.%d" % sys.version_info[:2],
        "full_version": sys.version.split()[0],
        "have_argument": hasarg,
        "opmap": names,
        "hasjrel": sorted(getattr(opcode, "hasjrel", [])),
        "hasjabs": sorted(getattr(opcode, "hasjabs", [])),
        "hasconst": sorted(getattr(opcode, "hasconst", [])),
        "hasname": sorted(getattr(opcode, "hasname", [])),
        "haslocal": sorted(getattr(opcode, "haslocal", [])),
        "hasfree": sorted(getattr(opcode, "hasfree", [])),
        "hascompare": sorted(getattr(opcode, "hascompare", [])),
        "hasexc": sorted(getattr(opcode, "hasexc", [])),
        "cmp_op": list(opcode.cmp_op),
    }
    caches = {}
    ice = getattr(opcode, "_inline_cache_entries", None)
    if isinstance(ice, dict):
        for name, n in ice.items():
            if name in names:
                caches[name] = n
    elif ice is not None:
        for name, num in names.items():
            if num < len(ice) and ice[num]:
                caches[name] = ice[num]
    out["caches"] = caches
    spec = getattr(opcode, "_specializations", None)
    out["specialized"] = sorted(set(n for v in (spec or {}).values() for n in v))
    # Stack effects as dis.stack_effect reports them, for opargs 0..3 (jump taken / not taken).
    effects = {}
    se = getattr(dis, "stack_effect", None)
    if se is not None:
        for name, num in sorted(names.items()):
            row = []
            args = [0, 1, 2, 3] if num >= hasarg else [None]
            for a in args:
                cell = []
                for jump in (False, True):
                    try:
                        if sys.version_info >= (3, 8):
                            cell.append(se(num, a, jump=jump))
                        else:
                            cell.append(se(num, a))
                    except Exception:
                        cell.append(None)
                row.append(cell)
            effects[name] = row
    out["stack_effect"] = effects
    sys.stdout.write(json.dumps(out, sort_keys=True) + "\n")

main()
