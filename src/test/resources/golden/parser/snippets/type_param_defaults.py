# PEP 696 (3.13+): type parameter defaults
def f[T = int, *Ts = *tuple[int, str], **P = [int, str]](): pass
class C[T: int = bool, U = T]: pass
type A[T = str] = list[T]
