# Weak references to sets, frozensets, types, modules, memoryviews, built-in functions and methods, functools.partial and exceptions of classes: alive while referenced, callbacks when they die; built-in exceptions and plain values refuse them
import functools
import gc
import weakref

class Failure(Exception):
    pass

def f():
    pass

makers = [
    ("set", lambda: {1, 2}),
    ("frozenset", lambda: frozenset([3])),
    ("memoryview", lambda: memoryview(b"abc")),
    ("partial", lambda: functools.partial(f, 1)),
    ("class exception", lambda: Failure("x")),
    ("bound builtin", lambda: [].append),
]
for name, make in makers:
    obj = make()
    ref = weakref.ref(obj, lambda r, name=name: print("  callback for", name, r() is None))
    print(name, ref() is obj, type(ref()).__name__)
    del obj
    print(name, "after del:", ref() is None)
print("type", weakref.ref(int)() is int, weakref.ref(len)() is len)
print("module", weakref.ref(functools)() is functools, weakref.ref(gc).__callback__)
for value in [ValueError(1), [], {}, 1, "s", (), None]:
    try:
        weakref.ref(value)
    except TypeError as e:
        print("TypeError", e)
s = {1}
ws = weakref.WeakSet()
held = frozenset([1, 2])
ws.add(held)
print(len(ws))
del held
print(len(ws))
cache = weakref.WeakValueDictionary()
cache["m"] = m = {"a set"}
print(list(cache))
del m
print(list(cache))
gc.collect()
