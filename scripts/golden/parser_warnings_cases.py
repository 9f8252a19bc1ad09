# Prints the cases of src/test/resources/golden/parser-warnings/cases.json: sources whose parse warns
# (invalid escapes in str/bytes/f-strings, octal escapes above \377, number literals run into a keyword,
# 3.6's async/await bound as names),
# with the warning on later lines, in concatenations, in f-string fields, and before or after a syntax
# error -- the rules differ by version (message spelling, category, line, second-pass repeats, order).
# Usage: python3 scripts/golden/parser_warnings_cases.py > src/test/resources/golden/parser-warnings/cases.json
import json

CASES = [
    "x = '\\d'\n", "x = b'\\d'\n", "x = '\\777'\n", "x = b'\\777'\n", "x = f'\\d{1}'\n", "x = rb'\\d'\n",
    "x = 0in y\n", "x = 1if 1 else 2\n", "x = [0x1for y in z]\n", "x = '\\8'\n",
    "x = '''\n\\d'''\n", "x = '\\d\\e'\n", "x = ('\\d'\n  '\\e')\n", "x = f'{1}\\d'\n", "x = f'''\n{1}\n\\q'''\n",
    "def f():\n    return '\\d'\n", "x = 1_0if 1 else 2\n", "x = 0b1and 1\n", "x = 1.0or 2\n", "x = 1jif 1 else 2\n",
    "x = 0o7not in y\n", "x = '\\d' if 1 else b'\\e'\n", "x = u'\\d'\n", "x = f'{\"\\d\"}'\n",
    "x = '\\400'\n", "x = b'\\400'\n", "x = f'\\{1}'\n", "x = 1e5if 1 else 2\n",
    "x = '\\N{DIGIT ONE}\\d'\n", "x = '''a\nb\\d\nc\\e'''\n", "x = f'''a\n{1}\\d\nc'''\n", "x = 'a' f'\\d'\n",
    "x = '''\\d\n'''\n", "x = f'''\\d\n\n'''\n", "x = f'''{1}\n\\d\n\n'''\n", "x = '\\d\\777'\n", "x = '\\777\\d'\n",
    "x = b'\\d\\777'\n", "x = b'\\777\\d'\n", "x = '\\777\\400'\n", "x = ('\\777', b'\\400', b'\\777', '\\400', b'\\1000')\n",
    "x = f'\\777{1}'\n", "x = f'{1}\\777'\n", "x = f'\\{1}\\{2}'\n", "x = f'\\{'\n", "x = f'\\{{'\n",
    "x = '''\n\n\\d''' '''\n\\e'''\n", "x = f'a\\\n{1}\\d'\n", "x = 'a\\\n\\d'\n", "x = rf'\\d{1}'\n", "x = f'{1:\\d}'\n",
    "x = f'{x!r:\\d}'\n", "x = '\\d'.format(1)\nif x:\n    y = b'''\n\\q'''\n", "x = U'\\d'\n", "x = BR'\\d'\n",
    "x = '\\\\d'\n", "x = f'{x}' '\\d' f'\\e'\n", "x = f'\\N{DIGIT ONE}\\d'\n", "class C:\n    '''doc \\d'''\n",
    "x = f'\\{x}'\n", "x = f'{x}\\}'\n",
    "x = '\\d' if 0in y else 1\n", "x = 0in '\\d'\n", "x = 0in y\nz = = 1\n", "x = = 1\ny = 0in z\n", "x = (0in y,\n",
    "x = '\\d'\nz = = 1\n", "z = = 1\nx = '\\d'\n", "x = 1if y else 2\ndef f(:\n    y = 0in z\n", "f(x for x in y, 0in z)\n",
    "x = f'{0in y}'\n", "x = '\\d' 1\n", "x = b'\\d' 'a'\n", "x = '\\d' b'\\e'\n", "print 0in y\n", "x = 0or 1\n",
    "x = (1,\n f'{0in y}')\n", "x = (1,\n f'''\n{0in y}''')\n", "x = f'{1}' f'{0in y}'\n", "x = f'{x:{0in y}}'\n",
    "if x:\n    y = '\\d'\n    z = '\\d'\n", "x = [y for y in '\\d' if y]\n", "x = lambda: '\\d'\n",
    "x = f'{\"a\"}\\d{0in y}'\n", "x = '\\d'; y = b'\\q'; z = f'\\w{1}'\n", "x = 1 if '\\d' else 0xfor\n",
    # 3.6-3.8: ast.c warns in its building order (a comparison's later operands first, an if statement's
    # last elif first, a for statement's else first, a try statement's handlers last), none past its error
    'x = "\\d" < "\\e"\n', 'y = "\\q" < f(a=1,a=1)\n', 'f(a=1,a=1) < "\\q"\n', '"\\q" < "\\r" < "\\s"\n',
    'if "\\d": "\\e"\nelif "\\q": "\\g"\nelse: "\\h"\n', 'if "\\d": "\\e"\nelif "\\q": "\\g"\nelif "\\s": "\\j"\n',
    'for x in "\\d": "\\e"\nelse: "\\g"\n', 'try: "\\d"\nexcept "\\e": "\\q"\nelse: "\\g"\nfinally: "\\h"\n',
    'try: "\\d"\nexcept "\\e" as x: "\\q"\nexcept "\\s": "\\j"\nfinally: "\\h"\n',
    'if "\\d": "\\e"\nelif "\\q": f(a=1,a=1)\nelse: "\\h"\n',
    'try: "\\d"\nexcept "\\e": "\\q"\nelse: f(a=1,a=1)\nfinally: "\\h"\n', '"\\d" < ("\\e" < "\\q") < "\\s"\n',
    'x = "\\d"\ny = "\\e" < "\\q"\nz = "\\s"\n',
    'if x:\n    async = 1\nelif "\\d": pass\n', 'if "\\d":\n    async = 1\n',
    # 3.6: async/await are names outside an async def, with a DeprecationWarning where they are bound
    "async = 1\n", "x = async\n", "print(await)\n", "x.async = 1\n", "x = y.async\n", "def async(): pass\n",
    "class await: pass\n", "def f(async): pass\n", "f(async=1)\n", "import async\n", "import x as async\n",
    "from x import async\n", "from async import x\n", "global async\n", "for async in x: pass\n",
    "with x as async: pass\n", "lambda async: 1\n", "async, b = 1, 2\n", "async def f():\n    async = 1\n",
    "async def f():\n    x = await y\n", "def f():\n    await = 1\n", "x = [async for async in y]\n",
    "try:\n    pass\nexcept E as async:\n    pass\n", "async += 1\n", "del async\n", "nonlocal async\n",
    "def f(*, async=1): pass\n", "def f(**async): pass\n", "x: async = 1\n", "async: int = 1\n",
]

print(json.dumps(CASES, indent=0))
