# object.__new__(A) / A.__new__(A) make a bare instance (no __init__ runs); built-in types' __new__ make their values; the argument checks.
class A:
    def __init__(self, x):
        self.x = x
a = A.__new__(A)
print(type(a).__name__, a.__dict__)
b = object.__new__(A)
print(type(b).__name__, hasattr(b, "x"))
class L(list):
    pass
l = L.__new__(L)
print(type(l).__name__, l)
class E(Exception):
    pass
e = E.__new__(E, 1, 2)
print(type(e).__name__, e.args)
try:
    object.__new__(5)
except TypeError as e:
    print(e)
try:
    A.__new__()
except TypeError as e:
    print(e)
try:
    object.__new__(A, 1)
except TypeError as e:
    print(e)
class B:
    pass
try:
    object.__new__(B, 1)
except TypeError as e:
    print(e)
print(type(int.__new__(int, 5)), str.__new__(str, "x"))
