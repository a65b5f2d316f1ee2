# weakref.finalize (called when the object dies, by hand, detached, at exit) and atexit's order.
import atexit
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


def cleanup(name, *, reason="collected"):
    print("cleanup", name, reason)
    return name.upper()


r1 = Resource("one")
f1 = weakref.finalize(r1, cleanup, "one")
print(f1.alive, f1.atexit)
del r1
print(f1.alive)

r2 = Resource("two")
f2 = weakref.finalize(r2, cleanup, "two", reason="by hand")
print(f2(), f2.alive, f2())

r3 = Resource("three")
f3 = weakref.finalize(r3, cleanup, "three")
obj, func, args, kwargs = f3.detach()
print(obj.name, func.__name__, args, kwargs, f3.alive)
del obj, r3

r4 = Resource("four")
f4 = weakref.finalize(r4, cleanup, "four", reason="at exit")
r5 = Resource("five")
f5 = weakref.finalize(r5, cleanup, "five", reason="at exit")
r6 = Resource("six")
f6 = weakref.finalize(r6, cleanup, "six")
f6.atexit = False
print(f6.peek()[2], f5.atexit, f6.atexit)


@atexit.register
def goodbye():
    print("goodbye")


atexit.register(print, "registered", "last", sep="-")
atexit.register(print, "removed")
atexit.unregister(print)
atexit.register(print, "after unregister")
print("end of program")
