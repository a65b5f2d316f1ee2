# Enum members and objects with a Python __hash__ in set comparisons, set methods and dict subclasses' __missing__
from collections import defaultdict
from enum import Enum, auto


class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


class Tag:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Tag) and self.name == other.name

    def __repr__(self):
        return f"Tag({self.name!r})"


warm = {Color.RED, Color.GREEN}
print(warm == {Color.GREEN, Color.RED}, warm != {Color.RED}, frozenset(warm) == warm)
print({Color.RED} < warm, {Color.RED} <= warm, warm > {Color.GREEN}, warm >= warm, warm < warm)
print(frozenset([Color.GREEN]) | {Color.RED} == warm, warm - {Color.RED} == {Color.GREEN})
print({Color.RED}.issubset(warm), warm.issuperset([Color.RED]), warm.isdisjoint({Color.BLUE}))
print({Color.RED}.issubset([Color.RED, Color.BLUE]), warm.isdisjoint([Color.GREEN]))

a, b = Tag("a"), Tag("b")
tags = {a, b}
print(tags == {b, a}, {a} < tags, tags.issuperset({a}), tags.issubset([a, b, Tag("c")]))
print(sorted(tags & {b}, key=repr), {Tag("a"), Tag("b")} == tags, {Tag("b")} < tags, tags >= {Tag("a")})
print(tags.issuperset([Tag("b")]), {Tag("a")}.issubset(tags), tags.isdisjoint([Tag("c")]), tags.isdisjoint({Tag("a")}))

counts = defaultdict(int)
for c in [Color.RED, Color.BLUE, Color.RED]:
    counts[c] += 1
print(dict(counts))


class Defaults(dict):
    def __missing__(self, key):
        return f"no {key!r}"


d = Defaults({Color.RED: "stop"})
print(d[Color.RED], d[Color.GREEN], d[Tag("x")])
by_tag = defaultdict(list)
by_tag[Tag("x")].append(1)
by_tag[Tag("x")].append(2)
print(dict(by_tag))
