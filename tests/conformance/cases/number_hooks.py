# int(x) / float(x) of an instance run its class's __int__ / __float__, else __index__, and check what they return (CPython's messages); a subclass of int overriding __int__ too.
class Ratio:
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return self.n // self.d
class Idx:
    def __index__(self):
        return 7
class BadF:
    def __float__(self):
        return 1
class BadI:
    def __int__(self):
        return "x"
class Plain:
    pass
class MyInt(int):
    def __int__(self):
        return 42
print(float(Ratio(1, 4)), int(Ratio(7, 2)), float(Idx()), int(Idx()), int(MyInt(5)), float(MyInt(5)))
for f, x in [(float, BadF()), (int, BadI()), (float, Plain()), (int, Plain())]:
    try:
        print(f(x))
    except (TypeError, DeprecationWarning) as e:
        print(type(e).__name__, e)
