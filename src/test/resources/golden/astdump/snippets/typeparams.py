type Alias[T] = list[T]
def f[T: int, *Ts, **P](x: T) -> T:
    pass
class C[T = int]:
    pass
try:
    pass
except* ValueError:
    pass
