# weakref.ref callbacks run when the referent dies, newest first; a dead ref's callback never runs.
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def method(self):
        return self.name


def announce(label):
    def callback(r):
        print("callback", label, "ref dead:", r() is None)
    return callback


n = Node("a")
first = weakref.ref(n, announce("first"))
second = weakref.ref(n, announce("second"))
plain = weakref.ref(n)
print(first.__callback__ is not None, plain.__callback__, plain() is n)
print("before del")
del n
print("after del", first(), plain())

n = Node("b")
short_lived = weakref.ref(n, announce("never"))
del short_lived
del n
print("the ref died first")

items = [Node(i) for i in range(3)]
refs = [weakref.ref(x, announce(x.name)) for x in items]
items.reverse()
print("clearing")
items.clear()
print("cleared")

a, b = Node("cycle-a"), Node("cycle-b")
a.peer, b.peer = b, a
ra = weakref.ref(a, announce("cycle-a"))
del a, b
print("cycle still alive:", ra() is not None)
import gc
gc.collect()
print("collected:", ra() is None)


def make():
    def inner():
        return 1
    return weakref.ref(inner, announce("function"))


fr = make()
print("function ref dead:", fr() is None)

holder = {"obj": Node("in a dict")}
hr = weakref.ref(holder["obj"], announce("dict value"))
holder["obj"] = None
print("replaced")


def outer():
    local = Node("local")
    lr = weakref.ref(local, announce("local"))
    print("returning")
    return lr


keep = outer()
print("returned")
