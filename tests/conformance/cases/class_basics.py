# Classes: class and instance attributes, methods, __init__, the class body
# running code, __qualname__/__module__/__doc__, isinstance/issubclass.
class Counter:
    """Counts things."""

    total = 0
    kinds = []
    for k in ("a", "b"):
        kinds.append(k * 2)
    del k

    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        Counter.total += 1

    def bump(self, by=1):
        self.value += by
        return self

    def describe(self):
        return f"{self.name}={self.value}"


c = Counter("hits")
d = Counter("misses", 10)
c.bump().bump(5)
print(c.describe(), d.describe(), Counter.total, c.total, Counter.kinds)
print(Counter.__name__, Counter.__qualname__, Counter.__module__, Counter.__doc__)
print(type(c) is Counter, type(c).__name__, c.__class__.__name__)
print(isinstance(c, Counter), isinstance(3, Counter), isinstance(c, (int, Counter)))
print(issubclass(Counter, object), issubclass(bool, (str, int)))
print(sorted(vars(c).items()))
c.extra = [1, 2]
print(c.extra, hasattr(c, "extra"), hasattr(c, "missing"), getattr(c, "missing", "default"))
setattr(c, "value", 99)
delattr(c, "extra")
print(c.value, hasattr(c, "extra"))
bound = c.describe
print(bound(), bound.__name__, bound.__self__ is c, Counter.describe(d))


def outer():
    class Local:
        def method(self):
            return type(self).__qualname__

    return Local


print(outer().__qualname__, outer()().method(), Counter.bump.__qualname__)
print(callable(Counter), callable(c), callable(c.bump))
o = object()
print(type(o).__name__, isinstance(o, object))
Dynamic = type("Dynamic", (Counter,), {"kind": "made by type()"})
x = Dynamic("dyn")
print(Dynamic.__name__, x.kind, x.describe(), Dynamic.__bases__[0].__name__)
