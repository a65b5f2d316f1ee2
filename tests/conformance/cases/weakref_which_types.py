# which objects take weak references: classes add the slot unless __slots__ leave it out or they derive from int/bytes/tuple; defaultdict (a C type without it or a __dict__) and Decimal/Fraction refuse; deque, array, Context take them; __slots__ on a dict/list/tuple subclass leave out __dict__
import array
import collections
import contextvars
import decimal
import fractions
import weakref


def check(name, make):
    try:
        weakref.ref(make())
        print(name, "takes weak references")
    except TypeError as e:
        print(name, "TypeError:", e)


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class FromSlotted(Slotted):
    pass


class Integer(int):
    pass


class Pair(tuple):
    pass


class Raw(bytes):
    pass


class Text(str):
    pass


class Mapping(dict):
    pass


class Items(list):
    pass


class Members(set):
    pass


class Defaults(collections.defaultdict):
    pass


for name, make in [
    ("Plain", Plain),
    ("Slotted", Slotted),
    ("SlottedWeak", SlottedWeak),
    ("FromSlotted", FromSlotted),
    ("int subclass", Integer),
    ("tuple subclass", Pair),
    ("bytes subclass", Raw),
    ("str subclass", Text),
    ("dict subclass", Mapping),
    ("list subclass", Items),
    ("set subclass", Members),
    ("defaultdict", collections.defaultdict),
    ("defaultdict subclass", Defaults),
    ("OrderedDict", collections.OrderedDict),
    ("Counter", collections.Counter),
    ("deque", collections.deque),
    ("Decimal", lambda: decimal.Decimal(1)),
    ("Fraction", lambda: fractions.Fraction(1, 3)),
    ("array", lambda: array.array("b")),
    ("ContextVar", lambda: contextvars.ContextVar("v")),
    ("Context", contextvars.copy_context),
]:
    check(name, make)

d = collections.defaultdict(list)
d["k"].append(1)
print(d, d.default_factory)
for attempt in ("d.__dict__", "d.extra"):
    try:
        if attempt == "d.__dict__":
            d.__dict__
        else:
            d.extra = 1
    except AttributeError as e:
        print(attempt, "AttributeError:", e)
d.default_factory = set
print(d["new"], type(d.copy()).__name__, d.copy().default_factory)
s = Defaults(int)
s.extra = 2
s["x"] += 1
print(s, s.extra)


class Row(tuple):
    __slots__ = ()


class Stack(list):
    __slots__ = ("top",)


row, stack = Row((1, 2)), Stack([1])
stack.top = 1
for obj in (row, stack):
    try:
        obj.other = 1
    except AttributeError as e:
        print("AttributeError:", e)
print(row, stack, stack.top, hasattr(row, "__dict__"), hasattr(stack, "__dict__"))
