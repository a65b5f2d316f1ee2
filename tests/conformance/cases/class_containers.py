# Container protocols: __len__, __getitem__/__setitem__/__delitem__,
# __contains__, __iter__/__next__, __call__, __getattr__, __getattribute__,
# __setattr__/__delattr__, and __enter__/__exit__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, v):
        self.cells[pos] = v

    def __delitem__(self, pos):
        del self.cells[pos]

    def __contains__(self, v):
        return v in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[(x, y)] for x in range(self.w))


g = Grid(3, 2)
g[(0, 0)] = "#"
g[(2, 1)] = "@"
print(len(g), g[(0, 0)], g[(1, 1)], "@" in g, "?" in g, list(g))
del g[(0, 0)]
print(list(g), bool(Grid(0, 0)), bool(g))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
a, b, c = Countdown(3)
print(a, b, c, 2 in Countdown(3), dict(zip("ab", Countdown(2))))


class Adder:
    def __init__(self, base):
        self.base = base

    def __call__(self, x, *, twice=False):
        return self.base + x * (2 if twice else 1)


add5 = Adder(5)
print(add5(1), add5(2, twice=True), list(map(add5, [1, 2])), callable(add5))


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        print("forward", name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")


f = Frozen(1)
for action in (lambda: setattr(f, "v", 2), lambda: delattr(f, "v")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
print(f.v)


class Traced:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<{name}>"


t = Traced()
print(t.x, t.secret, t.other)


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return exc_type is KeyError


with Resource("r1") as r:
    print("inside", r.name)
with Resource("r2"):
    raise KeyError("suppressed")
try:
    with Resource("r3"), Resource("r4"):
        raise ValueError("boom")
except ValueError as e:
    print("escaped", e)
