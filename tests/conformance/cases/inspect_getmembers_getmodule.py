# inspect.getmembers (sorted, with a predicate, on a class and an instance), getmro, isabstract and getmodule
import abc
import inspect
import json


class Base(abc.ABC):
    kind = "base"

    @property
    @abc.abstractmethod
    def name(self): ...

    def hello(self):
        return "hi"


class Impl(Base):
    name = "impl"

    def extra(self, x):
        return x


print([m for m, _ in inspect.getmembers(Impl) if not m.startswith("_")])
print([m for m, _ in inspect.getmembers(Impl(), inspect.ismethod)])
print([m for m, v in inspect.getmembers(Impl, inspect.isfunction)])
print(inspect.getmro(Impl), inspect.isabstract(Base), inspect.isabstract(Impl), inspect.isabstract(3))
print(inspect.getmodule(Impl).__name__, inspect.getmodule(json.dumps).__name__, inspect.getmodule(json) is json)
print(inspect.getmembers(3, lambda v: isinstance(v, int) and not isinstance(v, bool))[:3])
