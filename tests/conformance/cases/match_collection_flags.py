# Which objects sequence and mapping patterns accept: subclasses of collections.abc.Sequence/Mapping, classes registered with them (before or after a subclass is made), deque, dict and list subclasses; never str or bytes; __abc_tpflags__ does not stay in the ABC's namespace.
import collections.abc as abc
from collections import deque


class Shelf(abc.Sequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self):
        return len(self.items)


class Registry(abc.Mapping):
    def __init__(self, **entries):
        self.entries = entries

    def __getitem__(self, key):
        return self.entries[key]

    def __iter__(self):
        return iter(self.entries)

    def __len__(self):
        return len(self.entries)


class Pairish:
    def __init__(self, a, b):
        self.items = [a, b]

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self):
        return 2


class LaterPairish(Pairish):
    pass


class Text(str):
    pass


abc.Sequence.register(Pairish)

print(hasattr(abc.Sequence, "__abc_tpflags__"), hasattr(abc.Mapping, "__abc_tpflags__"))
print("__abc_tpflags__" in vars(Pairish), "__abc_tpflags__" in vars(deque))


def kind(value):
    match value:
        case {"name": name, **rest}:
            return f"mapping named {name} with {rest}"
        case [first, *others]:
            return f"sequence starting {first!r} then {others!r}"
        case {}:
            return "some other mapping"
        case []:
            return "an empty sequence"
        case _:
            return "neither"


for value in [
    Shelf(1, 2, 3), Shelf(), Registry(name="r", size=2), Registry(), Pairish("a", "b"),
    LaterPairish("c", "d"), deque("xy"), Text("abc"), "abc", b"abc",
    {"name": "plain"}, [0], (), range(3), {1, 2},
]:
    print(f"{type(value).__name__:12} {kind(value)}")
