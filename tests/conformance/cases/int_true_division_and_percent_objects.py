# int / int is correctly rounded for big ints (one rounding of the exact quotient); str % formats an instance of any class
import random

random.seed(11)
for _ in range(40):
    a = random.getrandbits(random.randint(50, 160)) * random.choice([1, -1])
    b = random.getrandbits(random.randint(1, 120)) or 7
    print(a / b, b / a if a else 0.0)
for a, b in [(-86399999913600000000, 1000000), (10 ** 30, 3), (2 ** 53 + 1, 1), (2 ** 54 + 3, 2), (1, 10 ** 400), (10 ** 400, 10 ** 399), (-(10 ** 17) - 1, 10)]:
    print(a / b)
for bad in [(10 ** 400, 1), (1, 0)]:
    try:
        print(bad[0] / bad[1])
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __rmod__(self, other):
        return "never: str formats first"


p = Point(1, 2)
print("at %s" % p, "repr %r" % p, "%s and %s" % (p, p), "%-12s|" % p)
