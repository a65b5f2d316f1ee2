# A slice that takes all of a tuple, str or bytes in order is the very object (CPython's
# tuple_subscript, unicode_subscript, bytes_subscript); a list's slice is always a copy,
# and so is a slice of a subclass's instance. Pickle's memo shows the difference.
import asyncio
import pickle
from collections import namedtuple


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print("index", self.n)
        return self.n


def checks(label, seq):
    n = len(seq)
    print(label, seq[:] is seq, seq[0:] is seq, seq[:n] is seq, seq[0:n:1] is seq,
          seq[-n - 5:n + 5] is seq, seq[::1] is seq, seq[:n - 1] is seq, seq[::-1] is seq,
          seq[Idx(0):Idx(n)] is seq)


async def main():
    await asyncio.sleep(0.1)
    checks("tuple", (1, 2, 3))
    checks("str", "héllo")
    checks("bytes", b"abc")
    checks("list", [1, 2, 3])
    checks("empty tuple", ())
    checks("empty str", "")
    Point = namedtuple("Point", "x y")
    p = Point(1, 2)
    print("namedtuple", p[:] is p, type(p[:]).__name__, p[:])

    class S(str):
        pass

    s = S("abc")
    print("str subclass", s[:] is s, type(s[:]).__name__)
    pair = ("a", "b")
    rows = [{"id": i, "tags": pair[: i % 3]} for i in range(9)]
    blob = pickle.dumps(rows)
    print(len(blob), pickle.loads(blob) == rows)
    text = "x" * 10
    alias = text[:]
    text += "y"
    print(alias, text, alias is text)


asyncio.run(main())
