# -*- coding: latin-1 -*-
print >>sys.stderr, "x", y,
print
exec "code" in g, l
def f(a, (b, c)=(1, 2), *args, **kw):
    pass
lambda x, y=1: x
try:
    pass
except E, e:
    raise E, v, tb
except:
    pass
else:
    pass
try:
    pass
finally:
    pass
with a as b, c:
    pass
class C:
    pass
class D(object):
    x = [i for i in y if i]
    y = {k: v for k, v in z}
    z = {1, 2}
a[1:2:]
a[...]
a[..., 1:2]
a[1, 2]
a[1:2, 3]
a[:]
from . import x
import os.path as p
global g
s = 'caf\xe9 \xe9'
t = 'é'
u = u'é'
