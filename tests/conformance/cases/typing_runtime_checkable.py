# typing.runtime_checkable protocols: structural isinstance/issubclass, and the errors of non-runtime protocols.
from typing import Protocol, runtime_checkable, Iterable


@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None: ...


@runtime_checkable
class Named(Protocol):
    name: str


class Plain(Protocol):
    def run(self): ...


class File:
    def close(self):
        print("closed")


class Blocked(File):
    close = None


class Person:
    def __init__(self, name):
        self.name = name


class Impl(Closeable):
    def close(self):
        pass


print(isinstance(File(), Closeable), isinstance(42, Closeable), isinstance(Blocked(), Closeable))
print(issubclass(File, Closeable), issubclass(int, Closeable), issubclass(Blocked, Closeable))
print(isinstance(Person("a"), Named), isinstance(File(), Named), isinstance(Impl(), Closeable), issubclass(Impl, Closeable))
for check in [lambda: isinstance(File(), Plain), lambda: issubclass(File, Plain), lambda: issubclass(Person, Named),
              lambda: issubclass(1, Closeable), lambda: runtime_checkable(File)]:
    try:
        print(check())
    except TypeError as e:
        print("TypeError:", e)
print(Closeable._is_runtime_protocol, Plain._is_protocol, isinstance(Closeable, type))
