# Operator protocols: arithmetic with reflected and in-place forms,
# NotImplemented, rich comparisons with reflection, unary operators,
# __eq__/__hash__ (a class defining __eq__ alone is unhashable).
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x**2 + self.y**2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __bool__(self):
        return bool(self.x or self.y)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 2 * a, -a, abs(b))
c = a
c += b
print(c, a is c, a == Vec(4, 6), a != Vec(4, 6), Vec(0, 0) == 0)
print(a < b, b > a, sorted([b, Vec(1, 0), a]), max([a, b, Vec(0, 1)]))
print(bool(Vec(0, 0)), bool(a), not Vec(0, 0), "yes" if a else "no")
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
try:
    {a: 1}
except TypeError as e:
    print("TypeError:", e)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)

    def __repr__(self):
        return f"Key({self.k!r})"


d = {Key("a"): 1}
print(d[Key("a")], Key("a") in d, Key("b") in d, Key("a") in [Key("a")], [Key(1)].index(Key(1)))
print(hash(Key("x")) == hash("x"), len({Key(1), Key(1), Key(2)}))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __radd__(self, other):
        return Money(other + self.cents)

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __format__(self, spec):
        return format(self.cents / 100, spec) + " USD"


print(0 + Money(150), f"{Money(1999):.1f}", format(Money(5), ""), str(Money(7)))


class Base:
    def __eq__(self, other):
        return "Base.__eq__"


class Derived(Base):
    def __eq__(self, other):
        return "Derived.__eq__"


print(Base() == Derived(), Derived() == Base(), Base() == 1, 1 == Base())
