# object.__getstate__ (3.11's default, which copy and pickle use): the __dict__ itself or None, beside a dict of the slots that are set (private slots mangled); a class's own __getstate__ calling super()
import copy
import pickle


class Plain:
    def __init__(self):
        self.a = 1


class Slotted:
    __slots__ = ("x", "__hidden", "unset")

    def __init__(self):
        self.x = 1
        self.__hidden = 2


class Mixed(Slotted):
    def __init__(self):
        super().__init__()
        self.extra = [3]


class Session:
    def __init__(self, user):
        self.user = user
        self.cache = {"big": "data"}

    def __getstate__(self):
        state = super().__getstate__().copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}


p = Plain()
print(p.__getstate__(), p.__getstate__() is p.__dict__, object().__getstate__())
print(Slotted().__getstate__(), Mixed().__getstate__())
print([].__getstate__(), (1, 2).__getstate__(), "s".__getstate__())
e = Plain()
del e.a
print(e.__getstate__())
m = copy.copy(Mixed())
print(m.x, m._Slotted__hidden, m.extra, hasattr(m, "unset"))
d = copy.deepcopy(Mixed())
print(d.extra, d.__getstate__())
s = pickle.loads(pickle.dumps(Session("ann")))
print(vars(s))
t = pickle.loads(pickle.dumps(Slotted()))
print(t.x, t._Slotted__hidden)
c = copy.copy(Session("bob"))
print(vars(c))
