# Class-creation hooks and special attributes: __init_subclass__ with
# keywords, __set_name__, __class_getitem__, __slots__, a user __new__
# (a singleton), class decorators, nested classes and the __class__ cell.
registry = {}


class Plugin:
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        registry[name or cls.__name__.lower()] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(registry), registry["csv"] is Csv)


class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name


class Model:
    id = Field()
    title = Field()


print(Model.id.owner, Model.id.name, Model.title.name)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], Box[str])


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


s = Slotted(1)
s.y = 2
print(s.x, s.y)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)


class Singleton:
    _instance = None

    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.created = args
        return cls._instance

    def __init__(self, *args):
        self.last = args


a, b = Singleton(1), Singleton(2)
print(a is b, a.created, a.last)


def add_repr(cls):
    cls.__repr__ = lambda self: f"<{cls.__name__} {vars(self)}>"
    return cls


@add_repr
class Tagged:
    def __init__(self):
        self.tag = "t"


print(Tagged(), repr(Tagged()))


class Outer:
    class Inner:
        def where(self):
            return __class__.__qualname__

    def make(self):
        return self.Inner()


print(Outer().make().where(), Outer.Inner.__qualname__)


def factory(prefix):
    class Greeter:
        def greet(self, name):
            return f"{prefix}, {name}"

    return Greeter


print(factory("Hello")().greet("Ada"), factory("Hi").__qualname__)

try:
    class WithMeta(metaclass=type):
        pass
    print("metaclass=type accepted:", WithMeta.__name__)
except Exception as e:
    print(type(e).__name__, e)
