# f-string literal parts and '=' texts with backslashes, raw specs
x = 1
a = f"{'\n'=}" f"{x!r}\t{x}\\" rf"{x:\n}" f"{x:\n}"
b = f"\{x}" if 0 else f"\\{x}"
c = f"{x:{'\t'}>10}" f'{"\N{BULLET}"=}'
d = f"{x}" "" u"u" f""
e = u"u" f"{x}" U"v"
k = U"x" f"{x}" R"y" u"x" "y"
