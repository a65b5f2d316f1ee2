# pickle: the bytes of dumps for built-in values in every protocol, round trips through loads, instances of the program's classes, and the errors
import io
import pickle
from dataclasses import dataclass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


@dataclass
class Job:
    name: str
    tries: int = 0


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = [2]


class Custom:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Custom, (self.v * 2,))


data = {"name": "cache", "items": [1, 2.5, "three", None, True, False], "nested": {"t": (1, 2), "e": ()},
        "big": 2 ** 70, "neg": -300, "mid": 70000, "bytes": b"\x00ab", "uni": "caf\u00e9 \u2603"}
for proto in range(0, 6):
    blob = pickle.dumps(data, protocol=proto)
    print(proto, len(blob), blob[:40])
    print(pickle.loads(blob) == data)
print(pickle.dumps([1, 2, 3]))
print(pickle.dumps((1, "a", [None])))
print(pickle.dumps({1, 2}), pickle.dumps(frozenset([3])), pickle.dumps({1, 2}, 2))
print(pickle.dumps(bytearray(b"xy"), 5), pickle.dumps(bytearray(b"xy"), 4))
print(pickle.dumps(3.5, 0), pickle.dumps(-1, 1), pickle.dumps(True, 1), pickle.dumps(1 + 2j))
shared = [1, 2]
both = [shared, shared, (shared,)]
b = pickle.dumps(both)
print(b)
back = pickle.loads(b)
print(back, back[0] is back[1])
p = Point(1, 2)
for proto in (0, 2, 4, 5):
    blob = pickle.dumps(p, proto)
    print(proto, blob)
    print(pickle.loads(blob) == p)
print(pickle.dumps(Job("build", 2)))
print(pickle.loads(pickle.dumps([Job("a"), Job("b", 3)])))
s = pickle.loads(pickle.dumps(Slotted()))
print(s.a, s.b, pickle.dumps(Slotted()))
print(pickle.loads(pickle.dumps(Custom(5))).v, pickle.dumps(Custom(1)))
print(pickle.dumps(Point), pickle.dumps(len), pickle.dumps(type(None)))
buf = io.BytesIO()
pickle.dump({"k": [1]}, buf)
buf.seek(0)
print(pickle.load(buf), pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
for bad in (b"", b"garbage", b"\x80\x04", b"xyz", b"\x80\x04K"):
    try:
        pickle.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)


def make():
    class Local:
        pass
    return Local()


for obj in (make(), (x for x in [])):
    try:
        pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, e)
try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    print(e)
print(issubclass(pickle.PicklingError, pickle.PickleError), pickle.UnpicklingError.__module__)
