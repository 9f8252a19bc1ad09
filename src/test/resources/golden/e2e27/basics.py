"""Module docstring."""
from __future__ import division
import os.path as p, sys
from . import sibling
from os import (path, sep as s)
x = 1; y = -2.5; z = 3L; w = 2**40; big = 2**70; c = 1+2j
neg = -0.0; pos = 0.0; t = (1, 2, (3, 4)); e = ()
print x, y,
print >>sys.stderr, "a", 'b'
print
exec "x = 1"
exec "y" in {}, {}
a = b = [1, 2, 3]
a[1:2] = b[:]; del a[::2]; a[1:] += [4]; a[...] if 0 else None
d = {1: 'one', 'two': 2}; st = {1, 2}
q = x / 3; r = x // 3; x /= 2
`x`
assert x, "message"
assert (x, y)
if __debug__: print "debug"
while 1:
    break
for i in range(3):
    if i: continue
else:
    pass
