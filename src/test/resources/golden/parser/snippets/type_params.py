# PEP 695 (3.12+): type parameter lists and the type statement
type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Nested[T: (int, str), *Ts, **P] = Callable[P, tuple[T, *Ts]]
def first[T](xs: list[T]) -> T:
    return xs[0]
async def run[T: int](x: T) -> T:
    return x
class Box[T, U: str,](Base, metaclass=Meta):
    def get[V](self) -> T | V: ...
@decorator
class Plain[T]: pass
type = "still a name"
type.attr = 1
print(type, type[0])
match type:
    case _: pass
