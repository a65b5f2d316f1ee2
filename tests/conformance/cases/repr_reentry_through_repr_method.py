# A container reached again through a class's __repr__ shows as [...] (one repr-enter list across nested reprs, as CPython's Py_ReprEnter)
class A:
    def __init__(self): self.items = [self]
    def __repr__(self): return f"A({self.items})"
print(repr(A())[:40])
class Node:
    def __init__(self, name):
        self.name = name
        self.links = {}
    def __repr__(self):
        return f"Node({self.name}, {self.links})"
a, b = Node("a"), Node("b")
a.links["b"] = b
b.links["a"] = a
print(a)
print([a, b])
shared = [1]
class Holder:
    def __repr__(self):
        return f"H{shared}"
shared.append(Holder())
print(shared)
print(str({"k": shared}))
