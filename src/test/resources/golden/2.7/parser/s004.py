@d
@e.f(1)
@g()
def f(a, (b, c), d=1, *e, **f): pass
