# pickle: a structure nested too deeply ends in RecursionError at CPython's depth, with the ending of the check that fails first
import pickle
import sys


class Self:
    def __reduce__(self):
        return (Self, (self,))


class Reduces:
    def __init__(self, inner):
        self.inner = inner

    def __reduce__(self):
        return (Reduces, (self.inner,))


class ReducesEx:
    def __init__(self, inner):
        self.inner = inner

    def __reduce_ex__(self, protocol):
        return (ReducesEx, (self.inner,))


class GetState:
    def __init__(self, inner):
        self.inner = inner

    def __getstate__(self):
        return {"inner": self.inner}


class Plain:
    def __init__(self, inner):
        self.inner = inner


def nest(make, depth):
    x = None
    for _ in range(depth):
        x = make(x)
    return x


def at(depth, f):
    # Calls f with `depth` more frames on the stack.
    if depth == 0:
        return f()
    return at(depth - 1, f)


def ending(obj, protocol, extra):
    try:
        at(extra, lambda: pickle.dumps(obj, protocol))
    except RecursionError as e:
        text = str(e)
        return text[len("maximum recursion depth exceeded"):] or "(no ending)"
    return "pickled"


def smallest_limit(obj, protocol):
    # The lowest recursion limit under which obj pickles.
    lo, hi = 10, 120
    while lo < hi:
        mid = (lo + hi) // 2
        sys.setrecursionlimit(mid)
        try:
            pickle.dumps(obj, protocol)
            fits = True
        except RecursionError:
            fits = False
        sys.setrecursionlimit(1000)
        if fits:
            hi = mid
        else:
            lo = mid + 1
    return lo


deep = nest(lambda x: [x], 10**4)
print("list of 10**4:", ending(deep, 4, 0))
sys.setrecursionlimit(100)

makers = {
    "list": lambda x: [x],
    "tuple": lambda x: (x,),
    "dict": lambda x: {"k": x},
    "frozenset": lambda x: frozenset([x]),
    "Reduces": Reduces,
    "ReducesEx": ReducesEx,
}
for name, make in makers.items():
    obj = nest(make, 200)
    for protocol in (0, 2, 4):
        print(name, protocol, [ending(obj, protocol, extra) for extra in range(3)])

for name, make in [("GetState", GetState), ("Plain", Plain)]:
    obj = nest(make, 200)
    for protocol in (0, 4):
        print(name, protocol, [ending(obj, protocol, extra) for extra in range(3)])

for protocol in (0, 4):
    print("Self", protocol, [ending(Self(), protocol, extra) for extra in range(2)])

sys.setrecursionlimit(1000)
# Until CPython's interpreter has specialized the calls of smallest_limit,
# they can count a level more.
def needs(obj):
    return [smallest_limit(obj, protocol) for protocol in (0, 4)]


for _ in range(4):
    needs(nest(makers["list"], 20))
for name, make in list(makers.items()) + [("GetState", GetState)]:
    print(name, "needs", needs(nest(make, 20)))
