x: int = 1
y: "str"


def f(a: int, b: list[int] = []) -> bool:
    z: float = 2.0
    return True


class C:
    field: int
