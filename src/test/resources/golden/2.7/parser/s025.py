f(x for x in y)
f(a, *b, **c)
f(*a, b=1)
