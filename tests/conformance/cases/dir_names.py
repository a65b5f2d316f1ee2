# dir(): the scope's names, a module's, a class's and its bases' (with object's), an instance's own and its class's, or what __dir__ returns, sorted.
class P:
    a = 1
    def m(self): pass
class Q(P):
    __slots__ = ()
class R:
    def __dir__(self):
        return ["z", "b"]
p = P()
p.inst = 2
print(dir(P))
print(dir(p))
print(dir(Q) == dir(P), dir(R()))
import heapq
print([n for n in dir(heapq) if not n.startswith("_")][:5])
def f(x, y=1):
    z = 3
    return dir()
print([n for n in dir([]) if not n.startswith("__")], [n for n in dir({}) if not n.startswith("__")])
