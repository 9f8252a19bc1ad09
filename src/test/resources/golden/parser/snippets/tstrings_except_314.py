# 3.14: PEP 750 t-strings and PEP 758 unparenthesized except
name = "World"
a = t"Hello {name}!"
b = t"{name!r:>{10}} {name=} {name = !s:^9}" t'more {name}'
c = t"" t"{{x}}"
d = t"""multi
{name
 # comment
}"""
e = rt"\d{name}\n{name:\n}"
f = t"{t"{name}"}"
try:
    pass
except ValueError, TypeError:
    pass
try:
    pass
except* (KeyError, OSError) as err:
    pass
try:
    pass
except A, B, :
    pass
