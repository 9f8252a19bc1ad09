# ast.c's syntax errors in CPython 3.6-3.8: sources the LL(1) parser accepts (parser.suite) and ast.parse
# rejects, with a few neighbours each (valid ones and pgen errors) to check that nothing else changes.
# Prints one JSON line per case under the running interpreter: {"name", "src", "phase", "type", "msg",
# "lineno", "offset"}; "phase" is "pgen" (parser.suite raises), "ast" (ast.parse raises) or "ok", the
# error being compile()'s as py_compile meets it (None fields when it compiles). "src" is the source's
# bytes one char per byte (latin-1). Usage (3.6-3.8, which still have the parser module):
#   python3.X scripts/golden/ast_errors.py > src/test/resources/golden/ast-errors/3.X.jsonl
import ast, json, parser, sys, warnings

CASES = []


def case(name, src):
    CASES.append((name, src))


# assignment targets (set_context) and their nodes
for i, t in enumerate(["None", "True", "__debug__", "x.__debug__", "(a, b.__debug__)", "a, f()", "[a, 1]", "f()",
                       "a + 1", "-a", "not a", "a and b", "a < b", "a if b else c", "lambda: 0", "{a: b}", "{a}",
                       "...", "1", "'s'", "'a' 'b'", "f'x'", "f'{x}'", "b'x'", "(yield)", "[x for x in y]",
                       "{x for x in y}", "{x: 1 for x in y}", "(x for x in y)", "await x", "*a, f()", "[*a, (b, 1)]",
                       "(a, [b, f()])", "a.b", "a[1]", "a[1:2]", "(a)", "()", "[]", "*a, b", "x.y.z"]):
    case("assign-%d" % i, "%s = 1\n" % t)
    case("assign2-%d" % i, "x = %s = 1\n" % t)
    case("aug-%d" % i, "%s += 1\n" % t)
    case("ann-%d" % i, "%s: int\n" % t)
    case("del-%d" % i, "del %s\n" % t)
    case("for-%d" % i, "for %s in x: pass\n" % t)
    case("comp-%d" % i, "[z for %s in x]\n" % t)
    case("with-%d" % i, "with a as %s: pass\n" % t)
for i, src in enumerate([
        "a = yield = 1\n", "def g():\n    x = yield = 1\n", "x = 1\nif x:\n    f() = 2\n", "x = 1; y = 2; f() = 3\n",
        "del a, f(), 1\n", "del a, (b, f())\n", "del (a, 1)\n", "del [a, *b]\n", "for a, (b, f()) in x: pass\n",
        "[x for a, (b, f()) in y]\n", "with a as b, c as f(): pass\n", "with f() as x.__debug__: pass\n",
        "x = [f() for f() in y] = 1\n", "(a, b) += 1\n", "[a] += 1\n", "(a, b): int\n", "[a]: int\n", "(a): int\n",
        "a.b: int = 1\n", "a[0]: int = 1\n", "True: int\n", "f(): int\n", "1: int\n", "x: f() = 1\n",
        "f(a=1, a=1): int\n", "a = f(a=1, a=1) = 1\n", "f() = g(**a, b)\n", "g(**a, b) = f() = 1\n",
        "async def f():\n    async for g() in x: pass\n", "async def f():\n    [x async for g() in y]\n",
        "for x in y: pass\nelse: f() = 1\n", "'''a\nb''' = 1\n", "x = '''a\nb''' = 1\n", "del '''a\nb'''\n",
        "a = \\\n  f() = 1\n", "(a,\n f()) = 1\n", "[a,\n 1] = 2\n", "x = (\n  yield) = 1\n",
        "f'''\n{x}''' = 1\n", "print(1)\n(x for x in y) = 1\n", "# comment\n\n  \nf() = 1\n",
        "class C:\n    def f(self):\n        self.x, f() = 1\n"]):
    case("target-%d" % i, src)

# call arguments
for i, src in enumerate([
        "f(x for x in y, 1)\n", "f(1, x for x in y)\n", "f(x for x in y for z in w, 2)\n", "f(x for x in y, )\n",
        "f(a=1, x for x in y)\n", "f(c, x for x in y, a=b(a=1, a=1))\n", "f(b(a=1, a=1), x for x in y)\n",
        "f(x for x in y)\n", "f((x for x in y), 1)\n", "class C(x for x in y): pass\n", "class C(x for x in y, a): pass\n",
        "class C(a=1, a=2): pass\n", "class C(a=1, a): pass\n", "f(a=1, a=2)\n", "f(a=1, b)\n", "f(**a, b)\n",
        "f(**a, *b)\n", "f(a=1, *b, c)\n", "f(*b, a=1, c)\n", "f(a, b=1, c, d=2, d=3)\n", "f(a=1, a=2, a=3, b)\n",
        "f(a=1, a=2, *b)\n", "f(**a, *b, c)\n", "f(*a, **b, c=1)\n", "f(a, *b, c)\n", "f(a.b=1)\n", "f(1=1)\n",
        "f(None=1)\n", "f(True=1)\n", "f(...=1)\n", "f('s'=1)\n", "f((a)=1)\n", "f(lambda: x=1)\n", "f(__debug__=1)\n",
        "f(a=1, __debug__=2)\n", "f(__debug__=1, __debug__=2)\n", "f(a=f(b=1, b=2), a=3)\n",
        "f(a=1, b=f(b=1, b=1), b)\n", "f(a=1)(b=2, b=3)\n", "f(1 for x in y)(2)\n", "f(a, *b, c=1, *d, **e, f)\n",
        "f(x for x in y, a=1, a=2)\n", "f(\n  a=1,\n  a=2)\n", "f(a=1,\n  b)\n", "f(a=1, x for x in y, a=2)\n",
        "x = 1\nf(a=1, a=1)\n", "f(a=1, a=1) = 2\n", "f(f'{}', a=1, a=1)\n", "f(a=1, a=f'{}')\n",
        "f(a=1, a=1, *[x for f() in y])\n", "f(*[x for f() in y], a=1, a=1)\n", "f(b, **c, a=1, a=1)\n",
        "f(a := 1)\n", "f(a.b := 1)\n", "f(__debug__ := 1)\n", "f(x for x in y)(a=1, a=1)\n",
        "@d(a=1, a=1)\ndef f(): pass\n"]):
    case("call-%d" % i, src)
case("call-256", "f(%s)\n" % ", ".join("i%d" % k for k in range(256)))
case("call-255", "f(%s)\n" % ", ".join("i%d" % k for k in range(255)))
case("call-256-kw", "f(%s)\n" % ", ".join("i%d=1" % k for k in range(256)))

# parameters
for i, src in enumerate([
        "def f(a=1, b): pass\n", "def f(a, b=1, c): pass\n", "lambda a=1, b: 0\n", "def f(*): pass\n",
        "def f(*,): pass\n", "def f(a, *): pass\n", "def f(*, **k): pass\n", "def f(a, *, **k): pass\n",
        "lambda *: 0\n", "lambda *, **k: 0\n", "def f(*, x): pass\n", "def f(__debug__): pass\n",
        "def f(*__debug__): pass\n", "def f(**__debug__): pass\n", "def f(*, __debug__): pass\n",
        "def f(*, x, **__debug__): pass\n", "lambda __debug__: 0\n", "def f(a=1, /, b): pass\n",
        "def f(a, b=5, /, c): pass\n", "def f(a, b=g(c=1, c=2), d): pass\n", "def f(a=1, b:g(c=1,c=2)): pass\n",
        "def f(__debug__=f(c=1,c=2)): pass\n", "def f(*, __debug__=f(c=1,c=2)): pass\n",
        "def f(*, x=lambda __debug__: 0): pass\n", "def f(*args:(lambda __debug__:0)): pass\n",
        "def f(a=1,\n      b): pass\n", "def f(x, y=1, z):\n    pass\n", "async def f(a=1, b): pass\n",
        "def f(a=1, *, b): pass\n", "def f(a=1, *args, b): pass\n", "def f(a, a): pass\n", "with (lambda *:0): pass\n",
        "class C:\n    def f(self, a=1, b): pass\n", "def f(a=f'{}', b): pass\n", "def f(a=1, b=f'{}', c): pass\n"]):
    case("params-%d" % i, src)
case("params-256", "def f(%s): pass\n" % ", ".join("i%d" % k for k in range(256)))
case("params-256-kwonly", "def f(*, %s): pass\n" % ", ".join("i%d" % k for k in range(256)))

# comprehensions, named expressions
for i, src in enumerate([
        "[*a for a in b]\n", "{*a for a in b}\n", "(*a for a in b)\n", "{**a for a in b}\n", "[*a, b for a in c]\n",
        "(True := 1)\n", "(a.b := 1)\n", "(a[1] := 1)\n", "((a, b) := 1)\n", "(__debug__ := 1)\n", "([a] := 1)\n",
        "(f() := 1)\n", "(1 := 1)\n", "if f() := 1: pass\n", "while x.y := 1: pass\n", "[x.y := 1]\n",
        "[a, b.c := 1]\n", "(a := 1)\n", "(a := 1) = 2\n", "((a) := 1)\n", "x = (a.b := f'{}')\n"]):
    case("comp-named-%d" % i, src)

# strings and f-strings
for i, src in enumerate([
        "f'' b''\n", "b'' f''\n", "'' b''\n", "b'' ''\n", "x = 1; 'a' b'b'\n", "f'{'\n", "f'{x'\n", "f'}'\n",
        "f'{}'\n", "f'{ }'\n", "f'{!r}'\n", "f'{x!}'\n", "f'{x!z}'\n", "f'{x:{y:{z}}}'\n", "f'{#}'\n", "f'{\\n}'\n",
        "f'{\"x'\n", "f'{((}'\n", "f'{a[4)}'\n", "f'{)#}'\n", "f'{3)+(4}'\n", "f'{a(4]}'\n", "f'{x=}'\n",
        "f'{x!=y}'\n", "f'{x==y}'\n", "f'{x<y}'\n", "f'''\n{}'''\n", "x = 1\nf'''a\n{}\nb'''\n", "f'{a}' f'{}'\n",
        "'a' f'{}'\n", "f'{x}' f'{'\n", "f'{f\"{}\"}'\n", "f() = f'{}'\n", "f'{}' = f()\n", "f(f'{}', a=1, a=1)\n",
        "'\\N'\n", "'\\N{'\n", "'\\N{}'\n", "'\\N{LATIN SMALL LETTER A'\n", "'a' '\\N'\n", "r'\\N'\n", "b'\\N'\n",
        "f'\\N'\n", "f'\\N{'\n", "f'\\N{GREEK CAPITAL LETTER DELTA'\n", "'''\n\\N'''\n", "x = 1\n'a\\\nb\\N'\n",
        "f'{x}\\N'\n", "u'\\N'\n", "'\\x'\n", "'\\x' '\\N'\n", "'\\N' '\\x'\n", "f'{x:\\N}'\n", "rf'{x}\\N'\n",
        "f'{4:{/5}}'\n", "f'{,}'\n", "f'{lambda x:x}'\n", "f'{a b}'\n", "f'{x!s:{y!}}'\n", "f'{x:{}}'\n",
        "f'''{\n}'''\n", "f'''{\nx\n!z}'''\n", "x = 1\nf'''\n\n{}'''\n", "'''\n''' f'{}'\n"]):
    case("strings-%d" % i, src)

# f-string fields whose own source (the field in parentheses, parsed alone as an expression) fails
for i, src in enumerate([
        "x = 1\nf'''{a\n b}'''\n", "f'''{a\nprint b}'''\n", "f'{1_}'\n", "f'{0777}'\n", "f'{a if}'\n", "f'{a ; b}'\n",
        "f'{a) = (b}'\n", "f'{a)(b}'\n", "f'{a)}'\n", "f'{a]}'\n", "f'{\u00a0}'\n", "f'{\u00e9 b}'\n",
        "f'{a}' f'{b c}' f'{d e}'\n", "f'{f\"{a b}\"}'\n", "f() = 1; f'{a b}'\n", "f'{a b}'; f() = 1\n",
        "f'{a b}'\n)\n", "f'{(a:=1)}'\n", "f'{x:{a b}}'\n", "f'{a$b}'\n", "f'{a!r:{b c}}'\n",
        "(f'{a}'\n f'{b c}')\n", "f'{lambda:1}'\n", "f'''{\n\n a b}'''\n", "f'{a.}'\n", "f'{a +}'\n",
        "f'{a[1:2:3:4]}'\n", "f'{not}'\n", "f'{1 if 2}'\n", "f'{a b}' == f(a=1, a=1)\n", "f(a=1, a=1) == f'{a b}'\n",
        "f'{a b:{c d}}'\n", "f'{a:{b c}}' f'{d e}'\n", "f'{\"a\" \"b\" c}'\n", "f'{a=}'\n", "f'{ a b }'\n",
        "x = f'''\n{a\n b}'''\n", "f'{x for}'\n", "f'{1e}'\n", "f'{0x}'\n", "f'{\u20ac}'\n",
        "f'{(lambda a, /: a)}'\n", "f'{ {a:=1} }'\n", "f'{ {(a:=1)} }'\n", "f'{a[(*b,)]}'\n", "f'{a[*b]}'\n",
        "f'{a[b:=1]}'\n", "f'{f\"{(lambda a, /: a)}\"}'\n", "f() = 1; f'{(lambda a, /: a)}'\n"]):
    case("fields-%d" % i, src)

# string decoding (bytes, escapes)
for i, src in enumerate([
        "b'\xe9'\n", "'\\x4'\n", "'\\x4g'\n", "'\\u12'\n", "'\\U0001'\n", "b'\\x4'\n", "b'a\\x4g'\n",
        "'\xe9\\x4'\n", "f'\\x4'\n", "'\\777'\n", "b'\xe9' 'a'\n", "'a' b'\xe9'\n", "'\\U00110000'\n",
        "'\\U0010ffff'\n", "'a' '\\u00e9' '\\u12'\n", "'''\n\\x'''\n", "x = 1\ny = b'''\n\xe9'''\n",
        "'\\\xe9\\x'\n", "br'\\x'\n", "rb'\xe9'\n", "'\\N{LATIN SMALL LETTER A}\\x'\n",
        "'\\x41\\u0041\\U00000041\\101'\n", "u'\\x'\n", "'a' b'\\x'\n", "b'\\x' 'a'\n", "f'{x}' b'\xe9'\n",
        "f'{x}\\u12'\n", "f'{x:\\u12}'\n", "'\\N{foo}'\n", "f() = '\\x'\n", "'\\x' = f()\n"]):
    case("decode-%d" % i, src)

# import lists, dict comprehensions
for i, src in enumerate([
        "from x import a,\n", "from x import a, b,\n", "from x import (a,)\n", "x = 1; from x import a,\n",
        "from x import a,; f() = 1\n", "f() = 1; from x import a,\n", "from x import __debug__,\n",
        "from x import a as b,\n", "from . import a,\n", "import a,\n", "from x import a,,\n",
        "{**a for a in b}\n", "{**f(a=1, a=1) for a in b}\n", "{f(a=1, a=1): 1, **a for a in b}\n",
        "{**a, b: 1 for a in b}\n", "{a: 1 for a in b}\n", "{**a, **b}\n", "[(*a) for a in b]\n",
        "((*a) for a in b)\n", "{(*a) for a in b}\n", "(*a) = 1\n", "print((*a))\n", "f'{(*a)}'\n",
        "[(*a), b]\n", "x = [((*a)) for a in b]\n"]):
    case("import-dict-%d" % i, src)

# names that cannot be bound
for i, src in enumerate([
        "import a as __debug__\n", "import __debug__\n", "import __debug__.x\n", "from x import y as __debug__\n",
        "from x import __debug__\n", "def __debug__(): pass\n", "class __debug__: pass\n",
        "class __debug__(): pass\n", "class __debug__(a): pass\n", "try: pass\nexcept E as __debug__: pass\n",
        "global __debug__\n", "nonlocal __debug__\n", "__debug__\n", "x = __debug__\n", "async def __debug__(): pass\n",
        "@d\ndef __debug__(): pass\n", "for __debug__ in x: pass\n", "with a as __debug__: pass\n",
        "[x for __debug__ in y]\n", "del __debug__\n", "del x.__debug__\n", "__debug__: int = 1\n"]):
    case("names-%d" % i, src)

# ordering: the first error in ast.c's walk, a pgen error anywhere first
for i, src in enumerate([
        "f() = 1\nf(a=1, a=1)\n", "f(a=1, a=1)\nf() = 1\n", "f() = 1\n)\n", "f() = 1\nx = (\n", "f'{}'\n1 +\n",
        "def f(a=1, b): pass\nf() = 1\n", "if x:\n    f() = 1\nelse:\n    g(a=1, a=1)\n",
        "class C:\n    x: int = f(a=1, a=1)\n", "lambda: (yield)\nf() = 1\n", "f() = 1\n  x = 2\n",
        "f() = 1\nprint 1\n", "f() = 1\nx = 'abc\n", "f(a=1, a=1)\nexec 'x'\n", "f'{}'\n\tx\n",
        "x = f(a=1, a=1) if f'{}' else 0\n", "x = {f() for f() in y: 1}\n", "x = [a for a in b for f() in c if g(a=1, a=1)]\n",
        "x = {a: b for a, f() in c}\n", "def f():\n    return f(a=1, a=1), (yield) = 1\n",
        "@f(a=1, a=1)\ndef g(a=1, b): pass\n", "@f(x for x in y, 1)\nclass C: pass\n", "assert f(a=1, a=1), f'{}'\n",
        "raise f(a=1, a=1) from f'{}'\n", "x[f(a=1, a=1)] = f'{}'\n", "x[f'{}'] = f(a=1, a=1)\n"]):
    case("order-%d" % i, src)

# ast.c's order of building (3.6-3.8): a comparison's operands after the first before it, an if
# statement's last elif first, a for statement's else block first, a try statement's handlers last,
# an except clause's name before its type; and nodes built in source order
for i, src in enumerate([
        'f(a=1,a=1) < g(b=1,b=1)\n', 'f(a=1,a=1) < g(b=1,b=1) < h(c=1,c=1)\n', 'f(a=1,a=1) < (g() = 1)\n',
        '{f(a=1,a=1): g(b=1,b=1)}\n', '{**f(a=1,a=1), g(b=1,b=1): 1}\n', 'f(g(b=1,b=1), a=h(c=1,c=1))\n',
        'f(a=h(c=1,c=1), *g(b=1,b=1))\n', 'f(a=h(c=1,c=1), **g(b=1,b=1))\n', 'f(a=h(c=1,c=1))(g(b=1,b=1))\n',
        'f(a=1,a=1)[g(b=1,b=1)]\n', 'x[f(a=1,a=1):g(b=1,b=1):h(c=1,c=1)]\n', 'x[f(a=1,a=1), g(b=1,b=1)]\n',
        'x[f(a=1,a=1):1, g(b=1,b=1)]\n', 'lambda x=f(a=1,a=1), y=g(b=1,b=1): h(c=1,c=1)\n',
        'lambda x=f(a=1,a=1), *, y=g(b=1,b=1): 0\n', 'lambda *, y=g(b=1,b=1), z=f(a=1,a=1): 0\n',
        'f(a=1,a=1) and g(b=1,b=1)\n', 'f(a=1,a=1) or g(b=1,b=1)\n', 'f(a=1,a=1) + g(b=1,b=1)\n',
        'f(a=1,a=1) + g(b=1,b=1) + h(c=1,c=1)\n', 'f(a=1,a=1) ** g(b=1,b=1)\n', '-f(a=1,a=1)\n',
        'f(a=1,a=1) if g(b=1,b=1) else h(c=1,c=1)\n', 'f(a=1,a=1).x\n', 'x[f(a=1,a=1)] += g(b=1,b=1)\n',
        'f(a=1,a=1).x += g(b=1,b=1)\n', 'f(a=1,a=1)[0] += g(b=1,b=1)\n', 'x[f(a=1,a=1)] = g(b=1,b=1)\n',
        'x[f(a=1,a=1)] = y[h(c=1,c=1)] = g(b=1,b=1)\n', 'x[f(a=1,a=1)]: g(b=1,b=1) = h(c=1,c=1)\n',
        '[f(a=1,a=1) for x in g(b=1,b=1) if h(c=1,c=1)]\n', '{f(a=1,a=1): g(b=1,b=1) for x in h(c=1,c=1)}\n',
        '[f(a=1,a=1) for x in g(b=1,b=1) for y in h(c=1,c=1)]\n', 'f(a=1,a=1), g(b=1,b=1)\n',
        '[f(a=1,a=1), g(b=1,b=1)]\n', '{f(a=1,a=1), g(b=1,b=1)}\n', '@f(a=1,a=1)\n@g(b=1,b=1)\ndef k(): pass\n',
        '@f(a=1,a=1)\ndef k(x=g(b=1,b=1)): pass\n', 'def k(x:f(a=1,a=1)=g(b=1,b=1)) -> h(c=1,c=1): pass\n',
        'def k(x:f(a=1,a=1), y=g(b=1,b=1)): pass\n', 'def k(x=g(b=1,b=1), *, y:f(a=1,a=1)): pass\n',
        'def k(x=g(b=1,b=1), *a:f(a=1,a=1)): pass\n', 'def k(*a:f(a=1,a=1), **b:g(b=1,b=1)): pass\n',
        'def k() -> h(c=1,c=1): f(a=1,a=1)\n', 'class C(f(a=1,a=1), g(b=1,b=1)): pass\n',
        '@f(a=1,a=1)\nclass C(g(b=1,b=1)): pass\n', 'f(a=1,a=1) < g(b=1,b=1) and h(c=1,c=1)\n',
        'h(c=1,c=1) and f(a=1,a=1) < g(b=1,b=1)\n', 'f(a=1,a=1) if g(b=1,b=1) < h(c=1,c=1) else 0\n',
        '(f(a=1,a=1) < g(b=1,b=1)) + h(c=1,c=1)\n', 'f(a=1,a=1) < g(b=1,b=1) + h(c=1,c=1)\n',
        'f(a=1,a=1) + g(b=1,b=1) < h(c=1,c=1)\n', 'f(a=1,a=1) < [g(b=1,b=1), h(c=1,c=1)]\n',
        'f(a=1,a=1) < g() < h(c=1,c=1)\n', 'f(a=1,a=1) in g(b=1,b=1)\n', 'f(a=1,a=1) is not g(b=1,b=1)\n',
        'not f(a=1,a=1) < g(b=1,b=1)\n', 'f(a=1,a=1) < g(b=1,b=1)\ny = h(c=1,c=1)\n', "f(a=1,a=1) < f'{a b}'\n",
        "f'{a b}' < f(a=1,a=1)\n", 'f() = 1 < g(b=1,b=1)\n', '(a < f()) = g(b=1,b=1)\n', 'f(a=1,a=1) < (yield)\n',
        'f(a=1,a=1) < (x for f() in y)\n', "f(a=1,a=1) < 'a' b'b'\n", "'a' b'b' < f(a=1,a=1)\n",
        'f(a=1,a=1) < 1 < (lambda __debug__: 0)\n', 'await f(a=1,a=1)\n', 'assert f(a=1,a=1), g(b=1,b=1)\n',
        'raise f(a=1,a=1) from g(b=1,b=1)\n', 'print(f(a=1,a=1) < g(b=1,b=1))\n',
        'x = yield f(a=1,a=1) < g(b=1,b=1)\n', 'f(a=1,a=1) < g(x for x in y, 1)\n',
        'f(x for x in y, 1) < g(b=1,b=1)\n', 'if f(a=1,a=1): pass\nelif g(b=1,b=1): pass\n',
        'if f(a=1,a=1): pass\nelif g(b=1,b=1): pass\nelif h(c=1,c=1): pass\n',
        'if f(a=1,a=1): pass\nelif g(b=1,b=1): pass\nelse: h(c=1,c=1)\n',
        'if x: f(a=1,a=1)\nelif g(b=1,b=1): pass\nelif h(c=1,c=1): pass\nelse: k(d=1,d=1)\n',
        'if x: f(a=1,a=1)\nelif y: g(b=1,b=1)\nelif z: h(c=1,c=1)\nelse: k(d=1,d=1)\n',
        'if f(a=1,a=1): pass\nelse: h(c=1,c=1)\n', 'for x in f(a=1,a=1): pass\nelse: g(b=1,b=1)\n',
        'for x in f(a=1,a=1): h(c=1,c=1)\nelse: g(b=1,b=1)\n', 'while f(a=1,a=1): pass\nelse: g(b=1,b=1)\n',
        'try: f(a=1,a=1)\nexcept g(b=1,b=1): pass\nelse: h(c=1,c=1)\n',
        'try: f(a=1,a=1)\nexcept g(b=1,b=1): pass\nfinally: h(c=1,c=1)\n',
        'try: pass\nexcept g(b=1,b=1): pass\nelse: h(c=1,c=1)\n',
        'try: pass\nexcept g(b=1,b=1): pass\nexcept k(d=1,d=1): pass\nfinally: h(c=1,c=1)\n',
        'try: pass\nexcept g(b=1,b=1): pass\nelse: k(d=1,d=1)\nfinally: h(c=1,c=1)\n',
        'try: pass\nexcept g(b=1,b=1): pass\nexcept k(d=1,d=1): pass\n',
        'try: pass\nexcept g(b=1,b=1) as __debug__: pass\n', 'try: pass\nexcept g(b=1,b=1): h(c=1,c=1)\n',
        'def k(x:f(a=1,a=1)=g(b=1,b=1)): pass\n', 'def k(*, x:f(a=1,a=1)=g(b=1,b=1)): pass\n',
        'def k(__debug__:f(a=1,a=1)): pass\n', 'def k(*, __debug__:f(a=1,a=1)): pass\n',
        'def k(*, __debug__:f(a=1,a=1)=g(b=1,b=1)): pass\n', 'def k(__debug__:f(a=1,a=1)=g(b=1,b=1)): pass\n',
        'def k(x:f(a=1,a=1)=1, y): pass\n', 'def k(x=1, y:f(a=1,a=1)): pass\n',
        'async def k():\n    async for x in f(a=1,a=1): pass\n    else: g(b=1,b=1)\n',
        'async def k():\n    async with f(a=1,a=1) as x: g(b=1,b=1)\n', 'with f(a=1,a=1) as g(): pass\n',
        'with f(a=1,a=1) as x, g(b=1,b=1) as y: pass\n', 'class C(f(a=1,a=1)): g(b=1,b=1)\n',
        'def k(a=f(a=1,a=1)) -> g(b=1,b=1): h(c=1,c=1)\n', 'x = [f(a=1,a=1) for x in y] < g(b=1,b=1)\n',
        'x = "\\d" < "\\e"\n', 'y = "\\q" < f(a=1,a=1)\n', 'f(a=1,a=1) < "\\q"\n',
        'if "\\d": "\\e"\nelif "\\f": "\\g"\nelse: f(a=1,a=1)\n', 'for x in "\\d": pass\nelse: "\\e"\n',
        'try: "\\d"\nexcept "\\e": "\\f"\nelse: "\\g"\nfinally: f(a=1,a=1)\n', 'a < (b < f(a=1,a=1)) < g(b=1,b=1)\n',
        '(f(a=1,a=1) < g(b=1,b=1)) < h(c=1,c=1)\n', 'f(x for x in y, f(a=1,a=1) < g(b=1,b=1))\n',
        'if x:\n    if f(a=1,a=1): pass\n    elif g(b=1,b=1): pass\nelif h(c=1,c=1): pass\n',
        'try: pass\nexcept f(a=1,a=1) as __debug__: g(b=1,b=1)\nexcept h(c=1,c=1): pass\n',
        'try: pass\nexcept f(a=1,a=1) < g(b=1,b=1): pass\n', 'lambda: f(a=1,a=1) < g(b=1,b=1)\n',
        'x = 1\nif f(a=1,a=1): pass\nelif g(b=1,b=1): pass\ny = "\\q"\nz = f(c=1,c=1)\n',
 'def k(__debug__:f(a=1,a=1)=1): pass\n',
        'def k(*, __debug__:f(a=1,a=1)=1): pass\n', 'lambda x=f(a=1,a=1), __debug__=g(b=1,b=1): 0\n',
        'def k(a=1, __debug__:f(a=1,a=1)): pass\n', 'def k(a=1, *, __debug__:f(a=1,a=1)=g(b=1,b=1)): pass\n',
        'def k(a:f(a=1,a=1)=g(b=1,b=1), b:h(c=1,c=1)=1): pass\n', 'def k(a:f(a=1,a=1)=1, *, b=g(b=1,b=1)): pass\n',
        'def k(a:(f(a=1,a=1) < g(b=1,b=1))=(h(c=1,c=1) < k(d=1,d=1))): pass\n',
        '(f() := g(b=1,b=1))\n',
        '(x.y := g(b=1,b=1))\n',
        '(__debug__ := g(b=1,b=1))\n',
        '(f(a=1,a=1) := g(b=1,b=1))\n',
        'if f() := g(b=1,b=1): pass\n',
        '[y := f(a=1,a=1), g() := h(c=1,c=1)]\n',
        "(f'{a b}' := g(b=1,b=1))\n",
        'def __debug__(x=f(a=1,a=1)): pass\n',
        'class __debug__(f(a=1,a=1)): pass\n',
        'import a as __debug__, b\n',
        'f(*g(b=1,b=1), a=h(c=1,c=1))\n',
        'f(**g(b=1,b=1), a=h(c=1,c=1), a=1)\n',
        'f(a=1, a=g(b=1,b=1))\n',
        'f(a=g(b=1,b=1), a=1)\n',
        'f(g(b=1,b=1)=1)\n',
        'f(g(b=1,b=1).x=1)\n',
        'f((g(b=1,b=1))=1)\n',
        'f(a, g(b=1,b=1)=1, c=h(c=1,c=1))\n',
        'f([x for f() in y]=1)\n',
        "f(f'{a b}'=1)\n",
        'f(lambda: g(b=1,b=1)=1)\n',
        "f'{f(a=1,a=1)}'\n",
        "f'{f(a=1,a=1)}'; f() = 1\n",
        "f() = 1; f'{f(a=1,a=1)}'\n",
        "f'{f(a=1,a=1)}' < g(b=1,b=1)\n",
        "f'{f(a=1,a=1) < g(b=1,b=1)}'\n",
        "x = 1\nf'''{\n f(a=1,a=1)}'''\n",
        'f(a=1,a=1) < g(b=1,b=1) = 1\n',
        'x: f(a=1,a=1) < g(b=1,b=1)\n',
        'with f(a=1,a=1) < g(b=1,b=1): pass\n',
        'with f(a=1,a=1) < g(b=1,b=1) as x: pass\n',
        'for x in f(a=1,a=1) < g(b=1,b=1): pass\n',
        'print(f(a=1,a=1) < g(b=1,b=1) for x in y)\n',
        'f(f(a=1,a=1) < g(b=1,b=1) for x in y)\n',
        'f(f(a=1,a=1) < g(b=1,b=1), x for x in y)\n',
        'lambda x=f(a=1,a=1) < g(b=1,b=1): 0\n',
        'f(a=1,a=1) < g(b=1,b=1), = 1\n',
        'del f(a=1,a=1) < g(b=1,b=1)\n',
        '[f(a=1,a=1) < g(b=1,b=1) for x in y] = 1\n',
        'x[f(a=1,a=1) < g(b=1,b=1)]\n',
        'x[f(a=1,a=1) < g(b=1,b=1):]\n',
        '{f(a=1,a=1) < g(b=1,b=1): 1}\n',
        "f'{f(a=1,a=1) < g(b=1,b=1)}'\n",
        'assert f(a=1,a=1) < g(b=1,b=1)\n',
        'if f(a=1,a=1) < g(b=1,b=1): pass\n',
        'while f(a=1,a=1) < g(b=1,b=1): pass\n',
        'def f():\n    return f(a=1,a=1) < g(b=1,b=1)\n',
        'async def f():\n    await f(a=1,a=1) < g(b=1,b=1)\n',
        'f(x=f(a=1,a=1) < g(b=1,b=1))\n',
        'f(*f(a=1,a=1) < g(b=1,b=1))\n',
        'a if f(a=1,a=1) < g(b=1,b=1) else b\n',
        'f(a=1,a=1) < g(b=1,b=1) if a else b\n',
        'def f():\n    x = (yield f(a=1,a=1) < g(b=1,b=1))\n',
        'x = *f(a=1,a=1) < g(b=1,b=1),\n',
        'f(a=1,a=1) < g(b=1,b=1) += 1\n',
        'x += f(a=1,a=1) < g(b=1,b=1)\n',
        "print(f(a=1,a=1) < g(b=1,b=1), end='')\n",
        'x = f(a=1,a=1) < g(b=1,b=1) = 1\n',
        '(f(a=1,a=1) < g(b=1,b=1)) = 1\n',
        '[f(a=1,a=1), g()] < h(c=1,c=1) = 1\n',
        'f(a=1,a=1) < g(b=1,b=1) < h(c=1,c=1) and k(d=1,d=1) < m(e=1,e=1)\n',
        'class C(f(a=1,a=1) < g(b=1,b=1)): pass\n',
        '@f(a=1,a=1)\ndef k(x=f(a=1,a=1) < g(b=1,b=1)): pass\n',
        'f(a=1,a=1) < g(b=1,b=1); x = h(c=1,c=1)\n',
        'x = [f(a=1,a=1) < g(b=1,b=1), h(c=1,c=1) < k(d=1,d=1)]\n',
        'x = f(a=1,a=1) < g(b=1,b=1) or h(c=1,c=1) < k(d=1,d=1)\n',
        'x = f(a=1,a=1) < g(b=1,b=1) | h(c=1,c=1)\n',
        'x = f(a=1,a=1) < -g(b=1,b=1)\n',
        'x = f(a=1,a=1).y < g(b=1,b=1)[0]\n',
        'x = f(a=1,a=1)(1) < g(b=1,b=1)\n',
        'x = (f(a=1,a=1)) < (g(b=1,b=1))\n',
        'x = 1 < f(a=1,a=1) < g(b=1,b=1)\n',
        'x = f(a=1,a=1) < 1 < g(b=1,b=1)\n',
        'x = f(a=1,a=1) not in g(b=1,b=1)\n',
        'x = await f(a=1,a=1) < g(b=1,b=1)\n',
        'x = not f(a=1,a=1) < not g(b=1,b=1)\n',
        'try: pass\nexcept f(a=1,a=1) < g(b=1,b=1) as __debug__: pass\n',
        'if x: pass\nelif f(a=1,a=1) < g(b=1,b=1): pass\nelse: h(c=1,c=1)\n',
        'for f() in x: pass\nelse: g(b=1,b=1)\n',
        'for x in y: f() = 1\nelse: g() = 2\n',
        'try:\n    pass\nexcept:\n    f() = 1\nfinally:\n    g() = 2\n',
        'if x:\n    pass\nelif y:\n    f() = 1\nelif z:\n    g() = 2\n',
        '@f(a=1,a=1)\ndef __debug__(): pass\n',
        '@f(a=1,a=1)\nclass __debug__: pass\n',
        'def __debug__() -> f(a=1,a=1): pass\n',
        'def k(a=f(a=1,a=1), /, b=g(b=1,b=1)): pass\n',
        'def k(a:f(a=1,a=1), /, b:g(b=1,b=1)=1): pass\n',
        'lambda a=f(a=1,a=1), *b, c=g(b=1,b=1), **d: 0\n',
        'def k(*a:f(a=1,a=1), b:g(b=1,b=1)=h(c=1,c=1)): pass\n',
        'def k(**__debug__:f(a=1,a=1)): pass\n',
        'def k(*__debug__:f(a=1,a=1)): pass\n',
        'def k(a, *, b:f(a=1,a=1)=1, c): pass\n',
        'def k(a=1, *, b:f(a=1,a=1), c=g(b=1,b=1)): pass\n',
        'if x:\n    pass\nelif y:\n    pass\nelse:\n    if f(a=1,a=1): pass\n    elif g(b=1,b=1): pass\n',
        'for x in y:\n    for z in w: f(a=1,a=1)\n    else: g(b=1,b=1)\nelse: h(c=1,c=1)\n',
        'try:\n    f(a=1,a=1)\nfinally:\n    g(b=1,b=1)\n',
        'try:\n    pass\nexcept f(a=1,a=1):\n    pass\nexcept g(b=1,b=1) as __debug__:\n    pass\n',
        'while x:\n    pass\nelse:\n    for y in z: f(a=1,a=1)\n    else: g(b=1,b=1)\n',
        ]):
    case("build-order-%d" % i, src)


def main():
    warnings.simplefilter("ignore")
    for name, src in CASES:
        raw = src.encode("utf-8")
        out = {"name": name, "src": raw.decode("latin-1")}
        try:
            parser.suite(src)
            phase = "ast"
        except SyntaxError:
            phase = "pgen"
        try:
            compile(raw, "x.py", "exec", dont_inherit=True)
            out.update(phase="ok", type=None, msg=None, lineno=None, offset=None)
        except SyntaxError as e:
            try:
                ast.parse(raw)
                phase = "later" if phase == "ast" else phase
            except SyntaxError:
                pass
            out.update(phase=phase, type=type(e).__name__, msg=e.msg, lineno=e.lineno, offset=e.offset)
        print(json.dumps(out, sort_keys=True))


main()
