from __future__ import annotations
import typing

x: int
y: list[int] = []
z: dict[str, tuple[int, ...]] | None = None
w: "quoted" = 1
obj.attr: int = 2
seq[0]: float
v: lambda a, *b, c=1, **d: a if b else c
u: (1, 2) + (3,) * -2 ** 3 ** 2
t: not a and (b or c) < d <= e is not f in g
s: {1: 2, **m} | {3, 4} & [5, *n] ^ ~(p @ q // r % s >> 1 << 2)
r: f"{x!r:>{width}} and {y} {{literal}}" = ""
q: [i for i in range(3) if i async for j in k] = []
o: {k: v for k, v in m.items()}
n: (i for i in ())
m: call(a, *b, key=1, **c)[1:2, ::3, 4]
l: 1.5 + 2j + 1e300 * 1e300 + 0.1 + 1e16 + 1e-5 + 0x10 + b'\x00"\''
k: 'single \'quote\' and "double"' = ''
j: 1 .real
i: Ellipsis | ... | None | True

def f(a: int, /, b: str = "s", *args: *tuple[int, ...], kw: bytes, **kwargs: float) -> typing.Optional[int]:
    local: undefined_name = 1
    return local

class C:
    attr: ClassVar[int] = 0
    other: C
    def m(self, __private: __Mangled) -> C:
        return self

async def g(x: await_like) -> AsyncIterator[int]:
    pass
