def f(a, b=2, *args, c, d=4, **kw):
    """Docstring."""
    return a + b


def g():
    pass


async def h(x):
    await x


lambda y: y * 2
