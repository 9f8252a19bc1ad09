# PEP 696 (3.13+): type parameter defaults
def f[T = int, *Ts = *tuple[int, str], **P = [int, str]](): pass
class C[T: int = bool, U = T]: pass
type A[T = str] = list[T]
def g[T = int, U](): pass  # accepted by the parser (the compiler rejects it)
def h[*Ts = int, **P = int,](): pass
type B[T: (int, str) = int,] = T
