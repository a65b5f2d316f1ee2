# typing.Generic[T] and Protocol as bases: subscripted user generics, __parameters__, __orig_bases__, __orig_class__, and the TypeErrors for bad subscriptions.
import asyncio
from typing import Generic, TypeVar, Protocol, Optional, List, Dict

T = TypeVar("T")
K = TypeVar("K")


class Repo(Generic[T]):
    def __init__(self) -> None:
        self._items: Dict[int, T] = {}

    async def add(self, key: int, item: T) -> None:
        await asyncio.sleep(0.01)
        self._items[key] = item

    async def get(self, key: int) -> Optional[T]:
        await asyncio.sleep(0.01)
        return self._items.get(key)


class Greeter(Protocol):
    def greet(self) -> str: ...


class En:
    def greet(self) -> str:
        return "hello"


class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v

    def __repr__(self):
        return f"Pair({self.k!r}, {self.v!r})"


async def main():
    r: Repo[str] = Repo()
    await r.add(1, "one")
    print(await r.get(1), await r.get(2))
    print(Repo[int], Pair[str, int])
    print(Repo.__mro__)
    print(Pair("a", 1))
    g: Greeter = En()
    print(g.greet())
    print(T, K.__name__)
    print(Repo.__parameters__)

    print(Pair.__orig_bases__, Pair.__parameters__, Greeter.__mro__)
    print(Repo[int]().__orig_class__, Pair[int, str]("k", 2))
    for bad in (lambda: Pair[int], lambda: Repo[int, str], lambda: En[int], lambda: Generic[int]):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    try:
        class Wrong(Generic[T], Generic[K]):
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
