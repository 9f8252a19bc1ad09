def f(a, (b, (c, d)), e=1, *args, **kw):
    "Docstring."
    return a + b + c + d + e

def g(x):
    def h(y):
        return x + y
    return h

def gen(n):
    for i in xrange(n):
        yield i * 2

lam = lambda (a, b), c=3: a + b + c
genx = (i for i in range(10) if i % 2)
setc = {i for i in range(5)}
dictc = {k: v for k, v in zip('ab', 'cd')}
listc = [x * y for x in range(3) for y in range(4) if x != y]

@staticmethod
@property
def decorated():
    global gv
    gv = 1
    return None

class C(object):
    """Class doc."""
    __private = 1
    def m(self):
        return self.__private, __builtins__
    def n(self):
        return lambda: self

class D:
    pass
