# comparing self-containing (or very deeply nested) lists, tuples and dicts
# raises RecursionError "in comparison" instead of overflowing the stack
a = []
a.append(a)
b = []
b.append(b)
checks = [
    ("a == b", lambda: a == b),
    ("a != b", lambda: a != b),
    ("a < b", lambda: a < b),
    ("a >= b", lambda: a >= b),
    ("a in [b]", lambda: a in [b]),
    ("sorted([a, b])", lambda: sorted([a, b])),
    ("{1: a} == {1: b}", lambda: {1: a} == {1: b}),
    ("(a,) == (b,)", lambda: (a,) == (b,)),
    ("[a].count(b)", lambda: [a].count(b)),
    ("[a].index(b)", lambda: [a].index(b)),
]
for text, check in checks:
    try:
        print(text, check())
    except RecursionError as e:
        print(text, "RecursionError:", e)
x = y = ()
for i in range(3_000):
    x = (x,)
    y = (y,)
try:
    print(x == y)
except RecursionError as e:
    print("deep tuples RecursionError:", e)
print(a == a, [a] == [a], a is a)


def depth(n):
    if n == 0:
        return a == b
    return depth(n - 1)


for n in [10, 500, 990]:
    try:
        depth(n)
    except RecursionError as e:
        print(n, "RecursionError:", e)
