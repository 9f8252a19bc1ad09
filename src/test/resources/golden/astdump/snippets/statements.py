import os, sys as system
from . import x
from .. a import b as c
def f(a, b=1, *args, c, d=2, **kw) -> int:
    global g
    return a
async def g(x: int = 3):
    await x
    x = [i async for i in y]
    async for i in y:
        pass
    async with z as w:
        pass
class C(Base, metaclass=M):
    '''doc'''
    x: int = 1
    y: str
    def m(self):
        nonlocal_ = lambda a, *b, **c: (yield)
        yield from self
@dec
@dec2(1)
class D:
    pass
try:
    pass
except E as e:
    raise X from e
except:
    raise
else:
    pass
finally:
    pass
with a as b, c:
    pass
for i in range(3):
    continue
else:
    break
while x:
    x -= 1
else:
    pass
if a: pass
elif b: pass
else: pass
x = [i for i in y if i if not i]
x = {i for i in y}
x = {k: v for k, v in y}
x = {1: 2, **d}
x = [*a, *b]
a, *b = c
x = a if b else c
x = a and b or c
x = a < b <= c != d is e is not f in g not in h
x = f(a, *b, c=d, **e)
x = a.b.c
x = f"a{b}c{d!r:>{e}}" ''
assert x, "msg"
del a, b.c
print(x, sep='')
x @= y
x //= 2
