# __del__ runs when the last reference goes, once per object (a resurrected object is not finalized again), and for objects in reference cycles when gc.collect() finds them, before it returns; weakref.finalize callbacks of collected cycles run too
import gc
import weakref

gc.collect()

class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Noisy("plain")
del a
print("after plain")

b = Noisy("self-cycle")
b.me = b
del b
print("before collect")
print("collected", gc.collect())
print("after collect")


def scope():
    local = Noisy("local")
    return local.name


print(scope(), "returned")

pair_a = Noisy("pair-a")
pair_b = Noisy("pair-b")
pair_a.other = pair_b
pair_b.other = pair_a
del pair_a, pair_b
print("pair collected", gc.collect())

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix rises")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("saved", len(saved))
saved.clear()
print("second collection finds it without calling __del__:", gc.collect())


class Holder:
    pass


h = Holder()
h.me = h
weakref.finalize(h, print, "finalize callback")
del h
print("holder collected", gc.collect())


class Sub(Noisy):
    pass


s = Sub("subclass")
s.items = [s]
del s
gc.collect()

gc.disable()
d = Noisy("while disabled")
d.me = d
del d
print("enabled:", gc.isenabled())
gc.enable()
gc.collect()
ordered = Noisy("before its weak reference's callback")
watch = weakref.ref(ordered, lambda ref: print("weakref callback"))
del ordered
print("end")
