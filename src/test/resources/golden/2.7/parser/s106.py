def f(a, b=1, (c, d)=(1, 2), *e): pass
