# __set_name__ errors wrapped in RuntimeError naming the descriptor, attribute and class (3.11), and __slots__ conflicting with a class variable or on a subtype of int
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class E:
        b = Bad()
except Exception as e:
    print(type(e).__name__, e, repr(e.__cause__))
class A:
    __slots__ = ("a",)
try:
    class B:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError", e)
try:
    class C(int):
        __slots__ = ("y",)
except TypeError as e:
    print("TypeError", e)
import weakref
try:
    weakref.ref(A())
except TypeError as e:
    print("TypeError", e)
class W:
    __slots__ = ("__weakref__",)
w = W()
print(weakref.ref(w)() is w)
a = A()
try:
    a.b = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    a.a
except AttributeError as e:
    print("AttributeError", e)
