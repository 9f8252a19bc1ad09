# PEP 701 f-strings (3.12+): nested quotes, comments, backslashes, multi-line fields
songs = ['a', 'b']
a = f"{", ".join(songs)}"
b = f"{f"{f"{1}"}"}"
c = f"{'\n'.join(songs)}"
d = f"{
    songs  # a comment
    [0]
}"
e = f'''multi
{songs[0]:>{10}} line
'''
g = f"{songs!r:^20}" f'{"x"=}' rf"\d{songs}\n"
h = f"{x:{'fill'}<{w}.{p}f}"
i = f"{x = !r:>10}"
j = f"{{literal}} {x} {{"
k = f"{'{'}{'}'}"
l = f"{x:{y}}" f"{x:}" f"{x:a{y}b}"
m = u"u-kind " f"{x}" " tail"
n = "" f"" ""
o = f"\N{BULLET} {x} \x41\u0042"
p = f"{x=}" f"{x!s}" f"{x!a}"
q = f"{a}{b}{c}"
r = f"{(lambda: 1)()}"
s = f"{x:=10}"
t = f"{x=!s}" if 0 else f"{x=!r}"
u = f"{3.14:.2f}" f"{x, y}"
