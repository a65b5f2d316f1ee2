# gc.collect() counts a weak reference its callback freed (weak containers' entries, finalize), not one the program still holds; weak containers drop entries at once and stay linear
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    pass


def cycle():
    node = Node()
    node.self = node
    return node


def collect(label):
    print(label, gc.collect())


node = cycle()
held = weakref.ref(node, lambda ref: print("  callback, referent gone:", ref() is None))
del node
collect("held reference with a callback")

node = cycle()
weakref.ref(node, print)
del node
collect("reference dropped before the collection")


def forget(ref):
    global forgotten
    print("  callback forgets its reference")
    del forgotten


node = cycle()
forgotten = weakref.ref(node, forget)
del node
collect("callback frees its own reference")

values = weakref.WeakValueDictionary()
keys = weakref.WeakKeyDictionary()
members = weakref.WeakSet()
for container in (values, keys, members):
    node = cycle()
    if container is values:
        values["node"] = node
    elif container is keys:
        keys[node] = "value"
    else:
        members.add(node)
    del node
    collect(type(container).__name__)
    print("  entries left:", len(container), len(container.data))

node = cycle()
weakref.finalize(node, print, "  finalizer ran")
del node
collect("finalize")

first, second = cycle(), cycle()
first.other, second.other = second, first
holder = [weakref.ref(first, lambda ref: holder.clear()), weakref.ref(second, lambda ref: None)]
del first, second
collect("two nodes, one reference freed")

# Entries go when their referent dies, without a collection.
alive = [Node() for _ in range(2000)]
members = weakref.WeakSet(alive)
values = weakref.WeakValueDictionary(enumerate(alive))
keys = weakref.WeakKeyDictionary((node, i) for i, node in enumerate(alive))
print(len(members), len(values), len(keys), alive[5] in members, 5 in values, alive[5] in keys)
del alive[::2]
print(len(members), len(values), len(keys), len(members.data), len(values.data), len(keys.data))
print(sorted(values)[:3], sorted(keys.values())[:3], alive[2] in members)
alive.clear()
print(len(members), len(values), len(keys), list(members), list(values), list(keys))
