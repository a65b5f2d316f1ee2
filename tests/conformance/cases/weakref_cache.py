# weakref: a WeakValueDictionary session cache emptied as sessions go, ref() turning None, WeakKeyDictionary and WeakSet, a cycle freed only by gc.collect(), and the TypeError for objects that cannot be referred to weakly.
import asyncio
import weakref
import gc


class Session:
    def __init__(self, sid):
        self.sid = sid

    def __repr__(self):
        return f"Session({self.sid})"


async def main():
    cache = weakref.WeakValueDictionary()
    s1 = Session(1)
    s2 = Session(2)
    cache[1] = s1
    cache[2] = s2
    print(sorted(cache.keys()))
    del s2
    await asyncio.sleep(0.1)
    print(sorted(cache.keys()), cache.get(1))
    r = weakref.ref(s1)
    print(r() is s1)
    del s1
    print(r(), len(cache))
    ws = weakref.WeakSet()
    a = Session(3)
    ws.add(a)
    print(len(ws), a in ws)
    del a
    print(len(ws))

    print(weakref.ref(Session)() is Session, type(weakref.ref(Session)))
    for bad in (5, [], "s"):
        try:
            weakref.ref(bad)
        except TypeError as e:
            print(e)
    b = Session(4)
    b.me = b
    rb = weakref.ref(b)
    del b
    print(rb() is None)
    gc.collect()
    print(rb())
    owners = weakref.WeakKeyDictionary()
    k = Session(5)
    owners[k] = "five"
    print(owners[k], len(owners), k in owners, list(owners))
    del k
    print(len(owners), list(owners.items()))

asyncio.run(main())
