# Metaclasses: class M(type) with __new__/__init__/__call__/__prepare__,
# metaclass= and inheritance of the metaclass, special methods looked up
# on the metaclass (iteration, subscripts, len, in, repr, str, bool),
# metaclass properties and methods, __setattr__, and type(name, bases, dict).
class Registry(type):
    classes = []

    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("prepare", mcs.__name__, name, [b.__name__ for b in bases], kwargs)
        return {"prepared": True}

    def __new__(mcs, name, bases, namespace, **kwargs):
        print("new", mcs.__name__, name, sorted(k for k in namespace if not k.startswith("__")), kwargs)
        cls = super().__new__(mcs, name, bases, namespace)
        mcs.classes.append(name)
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        print("init", name, kwargs)
        super().__init__(name, bases, namespace)

    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        instance = super().__call__(*args, **kwargs)
        instance.created_by = "Registry"
        return instance

    def describe(cls):
        return f"{cls.__name__} via {type(cls).__name__}"

    @property
    def label(cls):
        return cls.__name__.lower()


class Base(metaclass=Registry, flavour="plain"):
    def __init__(self, value=0):
        self.value = value

    def __init_subclass__(cls, **kwargs):
        print("init_subclass", cls.__name__, kwargs)


class Child(Base):
    extra = 1


print(Registry.classes, type(Base) is Registry, type(Child).__name__, Base.prepared)
c = Child(5)
print(c.value, c.created_by, Child.describe(), Child.label, Base.__class__)
print(isinstance(Child, Registry), isinstance(Child, type), issubclass(Registry, type))
print(repr(Base), str(Child), "describe" in Registry.__dict__, hasattr(c, "describe"))
try:
    c.label
except AttributeError as e:
    print("AttributeError:", e)


class Palette(type):
    def __iter__(cls):
        return iter(cls._colors)

    def __len__(cls):
        return len(cls._colors)

    def __getitem__(cls, name):
        return cls._colors[cls._names.index(name)]

    def __contains__(cls, item):
        return item in cls._colors

    def __repr__(cls):
        return f"<palette {cls.__name__}>"

    def __bool__(cls):
        return False

    def __or__(cls, other):
        return f"{cls.__name__}|{other.__name__}"

    def __setattr__(cls, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot reassign {name}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("deleting", name)
        super().__delattr__(name)

    def __getattr__(cls, name):
        return f"missing {name}"


class Warm(metaclass=Palette):
    _names = ["red", "orange"]
    _colors = [0xFF0000, 0xFFA500]


class Cool(Warm):
    _names = ["blue"]
    _colors = [0x0000FF]


print(list(Warm), len(Warm), Warm["orange"], 0xFF0000 in Warm, 5 in Cool, repr(Cool), [Cool])
print(bool(Warm), not Cool, Warm | Cool, Warm.anything, f"{Cool!r}")
Warm.note = "ok"
print(Warm.note, Cool.note)
try:
    Warm._names = []
except AttributeError as e:
    print("AttributeError:", e)
del Warm.note
try:
    len(Base)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(Base)
except TypeError as e:
    print("TypeError:", e)


Point = type("Point", (), {"x": 1, "norm": lambda self: self.x * 2})
print(Point.__name__, Point().norm(), type(Point) is type)
Made = type("Made", (Warm,), {"_names": ["green"], "_colors": [0x00FF00]})
print(type(Made).__name__, list(Made), Made["green"])
Dyn = Registry("Dyn", (), {"z": 3})
print(Dyn.z, type(Dyn).__name__, Registry.classes[-1])


class Other(type):
    pass


try:
    class Clash(Base, metaclass=Other):
        pass
except TypeError as e:
    print("TypeError:", e)


def factory(name, bases, namespace):
    print("factory makes", name, sorted(namespace))
    return 42


class NotAClass(metaclass=factory):
    y = 2


print(NotAClass)
print(Registry.__prepare__("X", ()), type.__prepare__("Y", (), a=1))
print(Child.mro(), int.mro(), Registry.mro(Child))
try:
    Registry("Bad")
except TypeError as e:
    print("TypeError:", e)
try:
    type("T", [], {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("T", (), [])
except TypeError as e:
    print("TypeError:", e)
try:
    type("a", "b")
except TypeError as e:
    print("TypeError:", e)


class MemberDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("_"):
            if key in self.order:
                raise TypeError(f"{key!r} already defined")
            self.order.append(key)
        super().__setitem__(key, value)


class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return MemberDict()

    def __new__(mcs, name, bases, namespace):
        print("members", namespace.order, type(namespace).__name__)
        return super().__new__(mcs, name, bases, dict(namespace))


class Fruit(metaclass=Ordered):
    apple = 1
    banana = apple + 1
    del banana
    cherry: int = 3


print(Fruit.apple, Fruit.cherry, hasattr(Fruit, "banana"), Fruit.__annotations__)
try:
    class Twice(metaclass=Ordered):
        a = 1
        a = 2
except TypeError as e:
    print("TypeError:", e)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 5


try:
    class Broken(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError:", e)
