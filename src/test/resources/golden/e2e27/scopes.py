class Outer(object):
    __slots__ = ('__a',)
    def method(self, __b=1):
        def inner():
            return self.__a, __b, method
        return inner
    method = 1

def unopt(code):
    exec code
    return x

def unopt2(code):
    exec code in {}
    def g():
        return code
    return g

def star():
    from os.path import *
    return join

def cells(a, *b, **c):
    d = 1
    def f(e):
        def g():
            return a, b, c, d, e
        return g
    return f

def gens():
    x = yield
    y = (yield x)
    lam = lambda: (yield)
    return

class K:
    x = 1
    def f(self):
        return x
    [x for x in range(3)]
    print >>sys.stderr, [y for y in range(3)], {z for z in ()}, (w for w in ())

global top
top = 1
def uses_global():
    global top, other
    top = other = 2
    del top
