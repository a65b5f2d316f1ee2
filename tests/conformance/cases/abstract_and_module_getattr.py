# object.__new__ refuses a class whose own __abstractmethods__ names
# methods (what abc.ABCMeta sets), listing them sorted; a module's
# __getattr__ answers the names it lacks (PEP 562).
import sys


class Meta(type):
    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        cls.__abstractmethods__ = frozenset(
            n for n, v in namespace.items() if getattr(v, "__isabstractmethod__", False))
        return cls


def abstract(func):
    func.__isabstractmethod__ = True
    return func


class Shape(metaclass=Meta):
    @abstract
    def perimeter(self): ...

    @abstract
    def area(self): ...


class Circle(metaclass=Meta):
    @abstract
    def area(self): ...


class Square(Shape):
    def __init__(self, side):
        self.side = side


for cls, args in ((Shape, ()), (Circle, ()), (Square, (2,)), (Circle, (1,))):
    try:
        print(type(cls(*args)).__name__)
    except TypeError as e:
        print("TypeError:", e)
Circle.__abstractmethods__ = frozenset()
print(type(Circle()).__name__)


def __getattr__(name):
    if name.startswith("lazy_"):
        return name[5:].upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


this = sys.modules[__name__]
print(this.lazy_value, getattr(this, "lazy_x"), hasattr(this, "other"))
try:
    this.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    sys.nothing
except AttributeError as e:
    print("AttributeError:", e)
