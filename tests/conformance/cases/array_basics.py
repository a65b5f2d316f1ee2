# array: typecodes and item sizes, construction, append/extend/insert/pop/remove, indexing and slices, bytes round trips, repr, and the C conversions' errors; reversed() of a class with __len__ and __getitem__
import array
import copy

print(array.typecodes, array.ArrayType is array.array, type(array.array("i")))
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, a.itemsize, repr(a), a.typecode)
    for v in (-(2**70), -129, -1, 256, 70000, 2**32, 2**64, 1.5, "x", None):
        try:
            array.array(tc, [v])
            print("  ok", v)
        except (OverflowError, TypeError) as e:
            print("  ", type(e).__name__, e)

a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array.array("i", [7]))
a.insert(0, 0)
a.insert(-100, -1)
a.insert(100, 100)
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], 3 in a, 42 in a, a.count(2), a.index(3))
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(5)
a[0] = 10
a[1:3] = array.array("i", [20, 30, 40])
del a[-1]
del a[:1]
print(a, a.tolist(), list(reversed(a)))
a.reverse()
print(a, a + array.array("i", [9]), a * 2, 2 * a)
a += array.array("i", [1])
a *= 2
print(a)
data = a.tobytes()
print(len(data), data[:8])
b = array.array("i")
b.frombytes(data)
print(b == a, b != a, b < array.array("i", [100]), array.array("i", [1]) == array.array("d", [1.0]))
b.byteswap()
print(b[:3])
print(array.array("h", b"\x01\x00\xff\xff"), array.array("B", bytearray(b"hi")))
print(array.array("d", range(3)), array.array("f", [0.1, 1 / 3]), array.array("q", (x * x for x in range(4))))
print(array.array("i", array.array("b", [1, -2])), array.array("L", [2**64 - 1]))
u = array.array("u", "hello")
u.append("!")
u.fromunicode(" wörld")
print(u, u.tounicode(), u[1], u[::2], len(u.tobytes()))
c = array.array("i", [1])
c.fromlist([2, 3])
print(c, copy.copy(c), copy.deepcopy(c), str(c), f"{c}")


class Samples(array.array):
    def mean(self):
        return sum(self) / len(self)


s = Samples("d", [1.0, 2.0, 4.5])
print(s, s.mean(), type(s[:1]).__name__)

for expr in [
    lambda: array.array("z"),
    lambda: array.array("ii"),
    lambda: array.array(5),
    lambda: a[100],
    lambda: a.remove(99),
    lambda: a.index(99),
    lambda: a.pop(99),
    lambda: array.array("b").pop(),
    lambda: array.array("i", b"abc"),
    lambda: a + array.array("d"),
    lambda: a.frombytes(b"12345"),
    lambda: a.frombytes("ab"),
    lambda: array.array("u", [1]),
    lambda: a.tounicode(),
    lambda: a.fromunicode("x"),
    lambda: u.fromunicode(5),
    lambda: a < 3,
    lambda: a * "x",
    lambda: array.array("i", "ab"),
    lambda: array.array("i", array.array("u", "a")),
    lambda: array.array("u", array.array("i", [1])),
    lambda: a.extend(array.array("d", [1.0])),
    lambda: a.extend(5),
    lambda: a.fromlist((1,)),
    lambda: a.fromlist([1, "x"]),
    lambda: a.__iadd__([1]),
    lambda: a.__setitem__(slice(0, 1), [5]),
    lambda: a.__setitem__(0, "x"),
    lambda: a["x"],
    lambda: hash(a),
]:
    try:
        print("->", expr())
    except Exception as e:
        print(type(e).__name__, e)


class Countdown:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        print("getitem", i)
        return i * 10


print(list(reversed(Countdown())))
