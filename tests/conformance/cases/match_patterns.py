# The match statement: literal, singleton, capture, wildcard, value, group, sequence (star, str not a sequence), mapping (**rest, get-based lookup), class (__match_args__, keywords, self-matching builtins), or, as, guards; soft keywords.
from collections import OrderedDict, defaultdict, deque, namedtuple
from dataclasses import dataclass
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


class Box:
    def __init__(self, content, label):
        self.content = content
        self.label = label

    def __repr__(self):
        return f"Box({self.content!r}, {self.label!r})"


class LabelledBox(Box):
    __match_args__ = ("label", "content")


Pair = namedtuple("Pair", "left right")


def describe(value):
    match value:
        case None:
            return "None, by identity"
        case True | False as flag:
            return f"the bool {flag}"
        case 0 | 1:
            return f"0 or 1 (equal): {value!r}"
        case -5 | 2.5:
            return f"a negative or float literal: {value!r}"
        case "hi" "!" | "hello":
            return "a greeting"
        case b"raw":
            return "some bytes"
        case Color.RED:
            return "the colour red"
        case []:
            return "an empty sequence"
        case [only]:
            return f"one item: {only!r}"
        case [a, b] if a == b:
            return f"a pair of equal items {a!r}"
        case (first, *middle, last) if len(middle) > 1:
            return f"first {first!r}, middle {middle!r}, last {last!r}"
        case [first, *_, last]:
            return f"starts {first!r}, ends {last!r}"
        case {"kind": "move", "to": (x, y), **extra}:
            return f"a move to {x},{y} with {extra}"
        case {"kind": str(kind)}:
            return f"a message of kind {kind}"
        case {}:
            return f"some other mapping of {len(value)} items"
        case Point(x=0, y=0):
            return "the origin"
        case Point(x, y) if x == y:
            return f"a point on the diagonal at {x}"
        case Point(x=px):
            return f"a point at x={px}"
        case LabelledBox("fragile" as label, content):
            return f"handle {content!r} with care ({label})"
        case Box(content=[_, _, *_] as items):
            return f"a box of {len(items)} things"
        case Box(content=c, label=(1 | 2) as n):
            return f"box number {n} holds {c!r}"
        case Pair(left, right):
            return f"a named pair {left!r}/{right!r}"
        case int(n) | float(n) if n > 100:
            return f"a big number {n}"
        case str() as text:
            return f"some other text {text!r}"
        case int(n):
            return f"the int {n}"
        case float():
            return "some float"
        case _:
            return f"something else: {type(value).__name__}"


values = [
    None, True, False, 0, 1, 1.0, -5, 2.5, "hi!", "hello", b"raw", Color.RED, Color.GREEN,
    [], (), [7], (3, 3), [3, 4], (1, 2, 3, 4), [1, 2, 3], deque([5, 6, 7]), range(4),
    "ab", b"xy", {1, 2},
    {"kind": "move", "to": (1, 2), "speed": 3}, {"kind": "stop"}, {"kind": 5},
    OrderedDict(a=1), defaultdict(list),
    Point(0, 0), Point(2, 2), Point(1, 5),
    LabelledBox("glass", "fragile"), Box("glass", "fragile"), Box([1, 2, 3], "x"),
    Box("socks", 2), Box("socks", 3), Pair(1, 2), 500, 500.5, "other", 7, 1.5,
]
for v in values:
    print(f"{v!r:45} -> {describe(v)}")

# The mapping pattern asks with get(): a defaultdict grows no key.
d = defaultdict(list)
match d:
    case {"missing": found}:
        print("found", found)
    case _:
        print("no key, still", dict(d))

# A failed case binds nothing; a matched one binds its captures.
x = "unchanged"
match [1, 2]:
    case [x, 3]:
        print("not this one")
    case [_, y]:
        print("y is", y)
print("x is", x)

# Alternatives that bind in a different order.
for subject in ([1, [2, 3]], (1, (3, 2)), [0]):
    match subject:
        case [1, [a, b]] | (1, (b, a)):
            print("a, b =", a, b)
        case other:
            print("fallback", other)

# An open sequence as the subject and as the pattern.
match 1, 2, 3:
    case 1, *rest:
        print("rest", rest)

# No case matches: nothing happens.
match 42:
    case 1:
        print("never")
print("after an unmatched match")

# match and case stay names.
match = {"case": 1}
case = [match]
print(match, case)
match = print
match(case)
