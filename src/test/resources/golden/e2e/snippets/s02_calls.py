print("hello", 42, sep=", ")
f(a, *args, b=1, **kw)
obj.method(1, 2)
len([])
