# types: SimpleNamespace (repr, equality, vars), MappingProxyType, and the built-in types' names usable with isinstance.
import asyncio
import types
from types import SimpleNamespace


async def fetch(i):
    await asyncio.sleep(i / 10)
    return SimpleNamespace(id=i, status="ok", size=i * 100)


class Pt:
    def norm(self):
        return 0


def gen():
    yield 1


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(3)))
    for r in results:
        print(r)
    cfg = SimpleNamespace(retries=3, timeout=1.5)
    cfg.verbose = True
    print(cfg, cfg.retries)
    print(cfg == SimpleNamespace(retries=3, timeout=1.5, verbose=True))
    print(vars(cfg))
    c = fetch(1)
    print(isinstance(c, types.CoroutineType), type(c).__name__)
    await c
    print(isinstance(gen(), types.GeneratorType))
    print(isinstance(fetch, types.FunctionType), isinstance(Pt().norm, types.MethodType), isinstance(len, types.BuiltinFunctionType))
    m = types.MappingProxyType({"a": 1})
    print(m["a"], len(m), m)
    try:
        m["b"] = 2
    except TypeError as e:
        print(e)

asyncio.run(main())
