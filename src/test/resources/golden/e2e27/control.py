import sys
try:
    x = 1
except (ValueError, TypeError), e:
    print e
except KeyError:
    pass
except:
    raise
else:
    x = 2
finally:
    x = 3
with open('f') as fh, open('g') as gh:
    data = fh.read()
with open('h'):
    pass
def r():
    try:
        return 1
    finally:
        print "done"
def loop():
    for i in range(10):
        try:
            continue
        except Exception:
            raise ValueError, "bad", None
    while i < 10 and i or not i:
        i += 1
    return i if i else -i
a = 1 < 2 < 3
b = not a in [1, 2, 3]
c = a is not None
if not a:
    pass
elif b and c or a:
    pass
x = (1, 2) + (3,)
y = "ab" * 3 + "c"
z = "abc"[1], (4, 5)[0], ~5, -(3)
s = "x" "." ".y"
u = u"unicode \u20ac" + u"x"
v = 1 << 70, 255 & 15, 7 ^ 2, 1 | 8, 10 % 3, 7.5 // 2, -7 // 2
