x = 1
a = (1, 2) * 10
b = (1, 2) * 11
c = 'ab' * 10
d = 'ab' * 11
e = 2 ** 62, 2 ** 63, 2 ** 64, -2 ** 63, 1 << 63, ~0L, 7 // -2, -7 % 3, 7.0 % -2.5, 1 / 2.0, 2 ** 200
f = 0.0, -0.0, 0j, -0j, (-0.0) + 0j, 1e308 * 10, 2.0 ** -3, 2 ** -2, 3j ** 2, (1 + 1j) ** -2, 1.5 * 2, 7.5 // 2
g = `1, 'a'`, `None`, 'abc'[1], (1, 2, 3)[-1], u'a' + 'b', 'a' + u'b', '' + 'x', 'x' * 1, `'it''s'`
h = x in [1, 2], x not in [3], not x is None, not (x in (1,)), x == 1 or x == 2 and x
i = None, x is None, [None, True, False], - -1, -(-1), +1, ~~1
if not x:
    pass
while 0:
    pass
while 1:
    break
else:
    pass
if x and (x or x):
    x = 2
def f():
    for i in x:
        if i:
            continue
        return i
    return
    return 3
