# Mutated standard-library sources and the SyntaxError each real CPython raises for them: the error-pass
# rules met in real code beyond CPython's own test cases. Each case: a top-level statement (with its
# block) of a random stdlib file, one token deleted, replaced, or preceded by a random token; kept when
# this CPython's compile() raises a SyntaxError (IndentationError, TabError) for it. One JSON line per
# case, the fields of syntax_suite.py ("src" one char per byte, latin-1). Deterministic for a seed and
# an interpreter's stdlib. Usage: pythonX.Y syntax_fuzz.py SEED COUNT > src/test/resources/golden/syntax-fuzz/X.Y.jsonl
# (the committed files: seed 7, 2500 cases, with pyenv's 3.6.15, 3.7.16, 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0; before 3.10
# a SyntaxError has no end position: None)
import sys, os, random, json, io, tokenize, warnings
random.seed(int(sys.argv[1]))
N = int(sys.argv[2])
lib = os.path.dirname(os.__file__)
files = []
for root, dirs, fs in os.walk(lib):
    if 'test' in root or 'site-packages' in root or 'lib2to3' in root or 'idlelib' in root:
        continue
    for f in fs:
        if f.endswith('.py'):
            files.append(os.path.join(root, f))
files.sort()
INS = [':', '(', ')', '[', ']', '{', '}', '=', ',', '*', '**', 'not', 'lambda', 'if', 'else', 'for', 'in', 'yield',
       'as', 'import', 'from', 'def', 'class', 'return', ':=', '.', 'f"{', '}"', "'", 'except', 'try', 'with', 'async',
       'await', 'match', 'case', '/', '->', '@', 'pass', 'x', '1', 'True', 'None', 'del', 'global', '+', '-', '~', '!',
       'is', 'and', 'or', '\\', '\n', '\t', ' ', 'type', '+=', 'print', '...', '"', '#']
out = []
tries = 0
while len(out) < N and tries < N * 20:
    tries += 1
    path = random.choice(files)
    try:
        src = open(path, encoding='utf-8').read()
    except Exception:
        continue
    lines = src.splitlines(keepends=True)
    starts = [i for i, l in enumerate(lines) if l and not l[0].isspace() and not l.startswith('#') and l.strip()]
    if len(starts) < 2:
        continue
    k = random.randrange(len(starts) - 1)
    chunk = ''.join(lines[starts[k]:starts[k + 1]])
    if len(chunk) > 1500:
        continue
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(chunk).readline))
    except Exception:
        continue
    toks = [t for t in toks if t.type not in (tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT)]
    if not toks:
        continue
    t = random.choice(toks)
    cl = chunk.splitlines(keepends=True)
    off = sum(len(x) for x in cl[:t.start[0] - 1]) + t.start[1]
    end = sum(len(x) for x in cl[:t.end[0] - 1]) + t.end[1]
    m = random.random()
    if m < 0.35:
        new = chunk[:off] + chunk[end:]
    elif m < 0.8:
        new = chunk[:off] + random.choice(INS) + ' ' + chunk[off:]
    else:
        new = chunk[:off] + random.choice(INS) + chunk[end:]
    b = new.encode('utf-8')
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(b, '<case>', 'exec', 0, True)
            continue
        except SyntaxError as e:
            r = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                 "end_lineno": getattr(e, "end_lineno", None), "end_offset": getattr(e, "end_offset", None)}
        except Exception:
            continue
    r["origin"] = "fuzz:%d" % len(out)
    r["src"] = b.decode('latin-1')
    out.append(r)
for r in out:
    print(json.dumps(r, sort_keys=True))
