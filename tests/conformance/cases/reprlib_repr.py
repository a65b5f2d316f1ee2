# reprlib: repr's size limits for lists, strings, dicts, sets, tuples, ints and nested containers, a Repr with its own limits, and recursive_repr on a self-referencing class
import reprlib

print(reprlib.repr(list(range(100))))
print(reprlib.repr("x" * 100))
print(reprlib.repr({i: str(i) for i in range(20)}))
print(reprlib.repr(set(range(30))), reprlib.repr(frozenset(range(3))))
print(reprlib.repr((1,) * 10), reprlib.repr(10 ** 50), reprlib.repr([[[[[1]]]]]))
print(reprlib.repr(b"a" * 50), reprlib.repr([]), reprlib.repr(()), reprlib.repr(1.5))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"))
print(reprlib.aRepr.maxlevel, reprlib.aRepr.maxdict)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.name}, {self.children!r})"


n = Node("root")
n.children.append(n)
n.children.append(Node("leaf"))
print(repr(n))


class Tagged(list):
    @reprlib.recursive_repr(fillvalue="<loop>")
    def __repr__(self):
        return "Tagged" + super().__repr__()


t = Tagged([1])
t.append(t)
print(repr(t))
print(Node.__repr__.__name__, Node.__repr__.__qualname__)
