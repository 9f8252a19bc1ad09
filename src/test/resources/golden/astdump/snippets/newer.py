def f(a, /, b, *, c):
    if (n := len(a)) > 10:
        return n
x = f'{x=}' f'{y = !s:>3}'
