"""Module docstring."""
assert x, "message"
if __debug__:
    print("debug")


def f():
    """Function docstring."""
    assert y
