# from __future__ import annotations: annotations are kept as the source
# text CPython's unparser writes (precedence, quotes, spacing), never run.
from __future__ import annotations


class Config:
    name: str
    ports: list[int] = []
    mapping: dict[str, "Handler"]
    maybe: int | None = None
    call: Callable[[int, str], bool]
    rest: tuple[int, ...]
    arith: (1 + 2) * 3 - 4 ** -1
    power: -x ** 2
    chain: a.b.c[d:e, ::2]
    logic: not x and (y or z)
    compare: 1 < y <= 3
    conditional: a if b else c
    quoted: "it's"
    nothing: undefined_name.attr
    number: 1 .real
    displays: [{1: 2}, {3}, (4,), ()]
    comprehension: [i * 2 for i in range(3) if i]
    calls: f(x, *args, key=1, **kw)
    lam: lambda x, *, y=1: x


for key, value in Config.__annotations__.items():
    print(f"{key:>13} {value}")


def handler(request: Request, *, timeout: float = 1.0) -> Response | None:
    return None


print(handler.__annotations__)
local: SomeType = 5
print(__annotations__, local)
