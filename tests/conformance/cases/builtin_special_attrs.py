# The special methods of built-in types are attributes as in CPython: which
# exist (hasattr), calling them from the type or bound, NotImplemented for
# operands of another kind, identity of the methods taken from a type.
names = ["__len__", "__getitem__", "__setitem__", "__contains__", "__iter__", "__add__",
         "__radd__", "__iadd__", "__mul__", "__lt__", "__eq__", "__hash__", "__bool__",
         "__index__", "__neg__", "__and__", "__reversed__", "__call__", "__init__"]
for sample in [object, object(), int, 5, True, 2.5, "s", b"b", (1,), [1], {1: 2}, {1},
               range(3), slice(1), None, len, lambda: 0, dict, list]:
    label = sample.__name__ if isinstance(sample, type) else type(sample).__name__
    print(f"{label:>28}", " ".join(n[2:-2] for n in names if hasattr(sample, n)))

d = {"a": 1, "b": 2}
print(dict.__getitem__(d, "a"), list(map(d.__getitem__, ["b", "a"])), d.__contains__("z"))
dict.__setitem__(d, "c", 3)
print(d, list.__getitem__([4, 5], 1), tuple.__len__((1, 2, 3)), str.__len__("four"))
print(int.__add__(1, 2), (1).__add__(2.5), (1).__eq__(1.0), (1.0).__eq__(1), (2).__radd__(3))
print(int.__add__(1, "a"), "ab".__mul__(3), (3).__rmul__("xy"), [1].__add__([2]))
print(float.__floor__(2.5), float.__ceil__(2.5), int.__index__(7), (7).__trunc__(), round(2.675, 2))
print((5).__neg__(), (5).__abs__(), (-5).__abs__(), (1.5).__bool__(), (0).__bool__())
print("abc".__contains__("b"), "abc".__iter__().__next__(), list(reversed([1, 2]).__iter__()))
print((1).__lt__("x"), "a".__lt__("b"), [1].__eq__((1,)), {1}.__or__({2}), {1}.__and__([1]))
items = [3, 1]
print(items.__iadd__([2]) is items, items, {1: 1}.__or__({2: 2}))
print(sorted(["b", "A", "c"], key=str.lower), list(map(str.upper, ["x", "y"])))
print(object.__lt__ is object.__lt__, int.__add__ is int.__add__)


class Plain:
    pass


class Ordered:
    def __lt__(self, other):
        return True


print(Plain.__lt__ is object.__lt__, Ordered.__lt__ is object.__lt__)
print([op for op in ("__lt__", "__le__", "__gt__", "__ge__")
       if getattr(Ordered, op, None) is not getattr(object, op, None)])
print(Plain.__init__ is object.__init__, Plain.__eq__(Plain(), 3), Plain.__hash__ is object.__hash__)


class Counter(dict):
    def __getitem__(self, key):
        return super().__getitem__(key) if key in self else 0

    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)


c = Counter()
c["x"] = 1
print(c["x"], c["y"], dict.__len__(c), Counter.__len__(c), c.__iter__().__next__())


class Text(str):
    def __add__(self, other):
        return Text(str.__add__(self, other).upper())


print(Text("ab") + "cd", type(Text("ab") + "cd").__name__, str.__len__(Text("xyz")))
print(len.__call__([1, 2]), (lambda x: x * 2).__call__(4), "a".upper.__call__())
print(None.__bool__(), None.__repr__(), slice(1, 2).__eq__(slice(1, 2)), range(3).__len__())
try:
    list.__getitem__((1, 2), 0)
except TypeError as e:
    print("TypeError:", e)
try:
    (5).__len__()
except AttributeError as e:
    print("AttributeError:", e)
