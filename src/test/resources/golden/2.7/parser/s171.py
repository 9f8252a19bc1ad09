x = lambda *a, **k: a
y = lambda a, b=1, *c: 0
