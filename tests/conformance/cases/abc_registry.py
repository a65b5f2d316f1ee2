# ABCMeta: __subclasshook__, register, abstract static methods; collections.abc checks and mixins; __subclasses__; a generator lambda; int.__dict__.
import asyncio
import abc
from collections.abc import Awaitable, Iterable, Mapping, Callable, MutableMapping, Iterator, Sequence, Hashable, MutableSet, Set, Reversible


class Plugin(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def name(self): ...

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Plugin:
            if any("name" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Duck:
    def name(self):
        return "duck"


class Base(abc.ABC):
    @abc.abstractmethod
    def a(self): ...

    @abc.abstractmethod
    def b(self): ...

    @staticmethod
    @abc.abstractmethod
    def c(): ...


class Registered:
    pass


async def coro():
    return 1


async def main():
    print(isinstance(Duck(), Plugin), issubclass(int, Plugin))
    Plugin.register(Registered)
    print(issubclass(Registered, Plugin))
    try:
        Base()
    except TypeError as e:
        print(e)
    class Half(Base):
        def a(self):
            return 1
    try:
        Half()
    except TypeError as e:
        print(e)
    c = coro()
    print(isinstance(c, Awaitable), isinstance([1], Iterable), isinstance({}, Mapping))
    print(isinstance(print, Callable), isinstance(3, Iterable))
    await c
    print(type(Plugin), type(Base).__name__)

    class Settings(MutableMapping):
        def __init__(self):
            self._d = {}

        def __getitem__(self, k):
            return self._d[k.lower()]

        def __setitem__(self, k, v):
            self._d[k.lower()] = v

        def __delitem__(self, k):
            del self._d[k.lower()]

        def __iter__(self):
            return iter(self._d)

        def __len__(self):
            return len(self._d)

    s = Settings()
    s["Host"] = "x"
    s.update(PORT=80)
    print(dict(s), s.get("HOST"), "port" in s, s.setdefault("a", 1), len(s))
    print(s.pop("a"), list(s.items()), s == {"host": "x", "port": 80})
    print([c.__name__ for c in Base.__subclasses__()], Plugin.__subclasses__())
    print(isinstance((x for x in ()), Iterator), isinstance(range(3), Sequence), isinstance([], Hashable))
    print(isinstance(1, Hashable), isinstance({1}, MutableSet), isinstance(frozenset(), Set))
    g = (lambda: (yield 5))()
    print(next(g), "__add__" in int.__dict__, "__iter__" in int.__dict__)
    print(issubclass(Sequence, Reversible), Sequence.__abstractmethods__ == {"__getitem__", "__len__"})

asyncio.run(main())
