# Inheritance: super() chains, cooperative multiple inheritance (C3 MRO),
# method overriding, and CPython's error for an inconsistent MRO.
class Base:
    def __init__(self, tag):
        self.tag = tag
        self.log = ["Base"]

    def hello(self):
        return f"Base.hello({self.tag})"


class Left(Base):
    def __init__(self, tag):
        super().__init__(tag)
        self.log.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self, tag):
        super().__init__(tag)
        self.log.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Both(Left, Right):
    def __init__(self, tag):
        super().__init__(tag)
        self.log.append("Both")

    def hello(self):
        return "Both>" + super().hello()


b = Both("x")
print(b.log)
print(b.hello())
print([k.__name__ for k in Both.__mro__])
print(isinstance(b, Left), isinstance(b, Right), issubclass(Both, Base))


class A:
    def who(self):
        return "A"


class B(A):
    pass


class C(B):
    def who(self):
        return "C+" + super().who()


print(C().who(), B().who(), super(C, C()).who())


class Meta1:
    @classmethod
    def create(cls):
        return cls.__name__


class Sub1(Meta1):
    @classmethod
    def create(cls):
        return "sub:" + super().create()


print(Sub1.create(), Meta1.create())

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class NoBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
