@a.b.c
def f(): pass
