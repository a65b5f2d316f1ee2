# a class is in a cycle with itself (its __mro__), as in CPython: one made in a call lives until gc.collect(), which counts CPython's objects for it
import gc
import weakref

gc.disable()
gc.collect()


class Base:
    pass


class Slotted:
    __slots__ = ("a",)


class Resource:
    def __init__(self, name):
        weakref.finalize(self, print, "  freed", name)


def plain():
    class C:
        pass
    weakref.finalize(C, print, "  class C gone")


def subclass():
    class Sub(Base):
        held = Resource("class attribute")


def with_methods():
    class M:
        def f(self):
            return super().f()

        @staticmethod
        def s():
            pass

        @classmethod
        def c(cls):
            pass

        @property
        def p(self):
            return 1


def exception_class():
    class E(Exception):
        pass


def slotted():
    class S:
        __slots__ = ("a", "b")


def slotted_base():
    class T(Slotted):
        pass


def builtin_bases():
    class L(list):
        pass

    class I(int):
        pass


for make in [plain, subclass, with_methods, exception_class, slotted, slotted_base,
             builtin_bases]:
    make()
    print(make.__name__, "returned;", [c.__name__ for c in Base.__subclasses__()])
    print(make.__name__, gc.collect(), [c.__name__ for c in Base.__subclasses__()])

gc.enable()
for i in range(5000):
    class Temporary(Base):
        pass
print("made in a loop, left:", len(Base.__subclasses__()) < 1000)
