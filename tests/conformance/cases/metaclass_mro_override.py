# A metaclass's own mro() decides __mro__ (called once as the class is made, and again by C.mro()): attribute lookup and issubclass follow it; a non-class in its result is a TypeError, a tuple is taken
class Meta(type):
    def mro(cls):
        print("mro called for", cls.__name__)
        return [cls, Extra, object] if cls.__name__ == "C" else super().mro()


class Extra:
    def hello(self):
        return "from Extra"


class C(metaclass=Meta):
    pass


print(C.__mro__)
print(C().hello(), issubclass(C, Extra))
print(C.mro())


class Reversing(type):
    def mro(cls):
        order = super().mro()
        if cls.__name__ == "D":
            return [cls] + order[1:-1][::-1] + [object]
        return order


class A(metaclass=Reversing):
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B"


class D(B):
    pass


print([c.__name__ for c in D.__mro__], D().who(), issubclass(D, A))


class NonClass(type):
    def mro(cls):
        return [cls, 1]


try:
    class X(metaclass=NonClass):
        pass
except TypeError as e:
    print("TypeError", e)


class AsTuple(type):
    def mro(cls):
        return (cls, object)


class Y(metaclass=AsTuple):
    pass


print(Y.__mro__)
