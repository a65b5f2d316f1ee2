# A base that is not a class stands for what its __mro_entries__ returns
# (the original bases kept as __orig_bases__), and isinstance/issubclass
# ask any second argument whose type defines __instancecheck__ /
# __subclasscheck__, also inside tuples.
class Alias:
    def __init__(self, *origins):
        self.origins = origins

    def __repr__(self):
        return f"Alias{self.origins}"

    def __mro_entries__(self, bases):
        print("mro_entries of", bases)
        return self.origins


class Mixin:
    def hello(self):
        return "hello"


class Stack(Alias(list), Mixin):
    pass


class Pair(Alias(), Alias(tuple, Mixin)):
    pass


s = Stack([1, 2])
print(Stack.__bases__, Stack.__orig_bases__, s, s.hello(), isinstance(s, list))
print(Pair.__bases__, Pair((1, 2)).hello(), "__orig_bases__" in Mixin.__dict__)


class Bad:
    def __mro_entries__(self, bases):
        return [list]


try:
    class Broken(Bad()):
        pass
except TypeError as e:
    print("TypeError:", e)


class Magic:
    def __instancecheck__(self, obj):
        return obj == "magic"

    def __subclasscheck__(self, cls):
        return cls is str


class Checker(type):
    def __instancecheck__(cls, obj):
        print("checking", obj)
        return isinstance(obj, int)


class AnyInt(metaclass=Checker):
    pass


print(isinstance("magic", Magic()), isinstance("other", Magic()), isinstance("x", (int, (Magic(), str))))
print(issubclass(str, Magic()), issubclass(int, (Magic(), float)), isinstance(3, AnyInt), isinstance(AnyInt(), AnyInt))
for args in [(3, 4), (3, (int, 4)), (int, 4), (3, int)]:
    try:
        print(isinstance(*args) if args[0] == 3 else issubclass(*args))
    except TypeError as e:
        print("TypeError:", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
