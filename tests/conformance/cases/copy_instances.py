# copy.copy/deepcopy of instances: dataclasses, object graphs, __slots__, __copy__/__deepcopy__, __getstate__/__setstate__, collections, list subclasses
import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
from dataclasses import dataclass, field


@dataclass
class Settings:
    history: list = field(default_factory=list)
    name: str = "s"


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None


class Point:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = [1]


class Custom:
    def __init__(self):
        self.data = [1, 2]

    def __copy__(self):
        print("custom copy")
        return Custom()

    def __deepcopy__(self, memo):
        print("custom deepcopy", type(memo).__name__)
        return Custom()


class Stack(list):
    pass


class Cached:
    def __init__(self):
        self.x = 1
        self.cache = {"k": 1}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}


s = Settings([1, [2]])
deep = copy.deepcopy(s)
deep.history[1].append(3)
print(s, deep, deep == s)
shallow = copy.copy(s)
shallow.history.append(9)
print(s.history is shallow.history, s)

root = Node(0)
kid = Node(1)
kid.parent = root
root.children.append(kid)
root2 = copy.deepcopy(root)
print(root2.children[0].parent is root2, root2 is root, root2.children[0].value)

p = Point()
p2 = copy.deepcopy(p)
print(p2.x, p2.x is p.x, hasattr(p2, "y"), hasattr(p, "__dict__"))
print(copy.copy(p).x is p.x)
print(copy.copy(Custom()).data, copy.deepcopy([Custom()])[0].data)

d = deque([[1], [2]], maxlen=5)
d2 = copy.deepcopy(d)
d2[0].append(0)
print(d, d2)
dd = defaultdict(list, a=[1])
dd2 = copy.deepcopy(dd)
dd2["b"].append(2)
print(dd, dd2)
print(copy.deepcopy(OrderedDict(x=[1])), copy.copy(OrderedDict(y=2)))
print(copy.deepcopy(Counter("hello")))

st = Stack([[1]])
st2 = copy.deepcopy(st)
print(type(st2).__name__, st2, st2[0] is st[0])
c2 = copy.deepcopy(Cached())
print(c2.x, c2.cache)

P = namedtuple("P", "x y")
print(copy.deepcopy(P(1, [2])), copy.deepcopy({1, 2, (3,)}), copy.deepcopy((1, [2])))
shared = [1]
pair = copy.deepcopy((shared, shared))
print(pair[0] is pair[1])


def gen():
    yield 1


try:
    copy.deepcopy(gen())
except TypeError as e:
    print("TypeError:", e)
print(copy.deepcopy(len), copy.deepcopy(print) is print)
