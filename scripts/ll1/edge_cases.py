"""Hand-written sources around the LL(1) parser's and tokenizer's errors of 3.6-3.8 (end of input,
indentation, DEDENT, multi-line tokens, comments, non-ASCII columns, the print/exec rewrite, async and
await, '<>'), each compiled by the running interpreter as py_compile does. One JSON line per source that
it rejects, in the fields of syntax_suite.py ("src" one char per byte, latin-1):

    python3.8 scripts/ll1/edge_cases.py > src/test/resources/golden/syntax-ll1/3.8.jsonl
"""
import json
import sys
import warnings

CASES = [
    "def f():\n", "if x:\n", "x = (", "x = (1,\n", "x = [1,\n2", "foo(", "class A:\n  def f(self):\n",
    "if x:\n  pass\nelse", "x = \\\n", "x +", "x +\n", "  x = 1\n", "\n\n  x\n", "if 1:\npass\n",
    "if 1:\n  pass\n pass\n", "if 1:\n    pass\n  else:\n", "for x in y:\n\tpass\n        pass\n",
    "print 'x'", "print x,", "print x, y; z = 1", "exec 'x'", "if x: print 'a'", "def f():\n  print 'x'\n",
    "print >>sys.stderr, 'x'", "print", "print 'a' % (b)", "x = 'é' +\n", "é = $\n", "x = '''abc\ndef''' foo\n",
    "x = 1 if\n", "f(**)", "a = 1; ; b", "@\ndef f(): pass", "async def f():\n  await\n", "async = 1\n",
    "await x\n", "x = yield = 1\n", "import a.b as\n", "from . import\n", "with a as b, c as : pass\n",
    "try:\n  pass\n", "try:\n  pass\nfinally\n", "else:\n  pass\n", "class A(:\n", "x[1:2:3:4]\n", "x = 1 2\n",
    "x = 0777\n", "1_000_\n", "x = 1e\n", "0b2\n", "x = 1\n\x0c  y = 2\n", "x = (\r\n", "x = $\r\n",
    "x = 1 # comment\n  y\n", "def f(:\n", "x = a\u20acb\n", "x = 1\n   # comment\n  y = 2\n",
    "x = " + "(" * 100 + "1" + ")" * 100 + "\n", "x = " + "(" * 201 + "\n", "x = " + "[" * 60 + "]" * 60 + "\n",
    "def f():\n    x = 1\n  y = 2\n", "if x:\n    pass\n        y\n", "class C:\n    pass\n\n\n  x\n",
    "def f():\n    '''doc\n    more''' x\n", "x = '''\nabc\n''' + \\\n y z\n", "s = 'abc\n", "s = '''abc\n",
    "x = 1 \\ 2\n", "x = 'é' 'ü' é\n", "# -*- coding: latin-1 -*-\nx = '\xe9' $\n", "x = 1;\n  \n", "if x:\n\n",
    "if x:\n# c\n", "if x:\n  # c\n", "while x:\n  pass\n  else:\n", "x = {1: 2, 3}\n", "x = {**a, b: 1 for}\n",
    "def f(a, *, b=1, **c, d): pass\n", "lambda x=: 1\n", "f(x for x in y, )\n", "x = [i for i in]\n",
    "a, *b, = 1\n", "del f()\n", "x := 1\n", "(x := 1)\n", "f(a := 1)\n", "def f(a, /, b): pass\n",
    "x = 5 if 1 else\n", "nonlocal\n", "global x,\n", "assert\n", "raise from x\n", "return from\n",
    "x = not\n", "x is not not y\n", "x = 1 not in\n", "@f\nclass\n", "@f\nx = 1\n", "def f() -> : pass\n",
    "for x in : pass\n", "for in x: pass\n", "if x:\n pass\n\telse: pass\n", "if x:\n\tpass\n        pass\n",
    "if x:\n        pass\n\tpass\n", "async for x in y: pass\n", "async with x: pass\n", "async x\n",
    "def f():\n  async for x in y: pass\n", "async def f():\n  async = 1\n", "async def f():\n  await = 1\n",
    "def f():\n  await x\n", "def f():\n  return\n    x\n", "x = 1 +\\\n\n", "x = (1 +\n\n", "\t\n  x\n",
    "x = '\\\n", "   \n\tx = 1\n", "if 1:\n  x = 1\n    y = 2\n", "f'{'\n", "x = b'é'\n", "x = u'a' b'c'\n",
    "x = 1.e5.\n", "x = 1__0\n", "x = 0x\n", "x = 1j2\n", "if x\n  pass\n", "def f()\n", "class A\n",
    "x = [\n1,\n2\n", "x = (\n  1 +\n  2\n", "print('a'\n", "'''\n", "x = '''\n\n\n", "x ='\u00e9\u00e9\u00e9\n",
    "\u00e9\u00e9 = 1 +\n", "\u00e9\u00e9 = 1 $\n", "x = '\U0001F600' $\n", "x = '\U0001F600' +\n",
    "def f():\r\n", "x = '''a\r\n", "x = (\r", "if x:\r\n  y\r\n z\r\n", "x = 1 <> 2\n",
    "from __future__ import barry_as_FLUFL\nx = 1 != 2\n",
] + [
    # the parser's stack: 1500 entries (3.8: 1700), a MemoryError beyond
    "x = " + "(" * n + "1" + ")" * n + "\n" for n in (92, 93, 98, 99)
] + [
    "x = " + "not " * 1490 + "y\n", "x = " + "lambda: " * 760 + "1\n", "x = [a " + "for a in b " * 600 + "]\n",
] + [
    # the tokenizer's own errors, and characters no rule takes
    "if x:\n\tif y:\n        pass\n", "def f():\n\tpass\n        pass\n", "if x:\n        a\n\tb\n",
    "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n",
    "x\u20ac = 1\n", "\u20ac = 1\n", "x = 1 ` 2\n", "x = 1 ? 2\n", "x = 1 ! 2\n", "x = $a\n", "\\\n", "x = 1\\",
    "x = 1 if 2 else 3 3\n", "x = '''a\n'''b'''\n", "x = 'a' 'b\n", "x = f'a' 'b\n", "x = rb'\\'\n",
    "print 'x' if x else 'y'\n", "  print 'x'\n", "if x: print y\n", "class C: exec 'x'\n", "print ((x)\n",
    "print\t'x'\n", "x = 1\nprint x; y\n", "print 'a';\n",
    # a backslash continuation keeps the tokenizer's buffer on the first line (3.8 decodes its offset there)
    "\u00e9\\\n except\n", "def \\\n \u00e9f'{x}' try\n", "x = '\u00e9\u00e9' + \\\n  1 2\n", "\u00e9\\\n class\n",
    "x = 1 + \\\n  '''a\n\u00e9''' 3\n",
]


def main():
    warnings.simplefilter("ignore")
    for i, text in enumerate(CASES):
        src = text.encode("latin-1") if text.startswith("# -*- coding: latin-1") else text.encode("utf-8")
        try:
            compile(src, "<case>", "exec", dont_inherit=True)
            continue
        except SyntaxError as e:
            r = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                 "end_lineno": None, "end_offset": None}
        except (ValueError, MemoryError, RecursionError) as e:
            r = {"type": type(e).__name__, "msg": str(e), "lineno": None, "offset": None,
                 "end_lineno": None, "end_offset": None}
        r["origin"] = "ll1:%d" % i
        r["src"] = src.decode("latin-1")
        print(json.dumps(r, sort_keys=True))


main()
