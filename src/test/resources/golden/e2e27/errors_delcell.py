def f(a):
    def g():
        return a
    del a
