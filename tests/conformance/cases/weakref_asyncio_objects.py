# Weak references to tasks, futures and events: callbacks when they die, WeakSet and WeakValueDictionary entries going.
import asyncio
import gc
import weakref


async def job(n):
    await asyncio.sleep(n)
    return n


def gone(r):
    print("task gone; ref dead:", r() is None)


async def main():
    background = weakref.WeakSet()
    t = asyncio.create_task(job(1))
    background.add(t)
    r = weakref.ref(t, gone)
    print(len(background), t in background, r() is t)
    await t
    print("awaited", len(asyncio.all_tasks()))
    del t
    print("after del", len(background), r())
    t2 = asyncio.create_task(job(2))
    background.add(t2)
    fut = asyncio.get_running_loop().create_future()
    fr = weakref.ref(fut, lambda r: print("future gone"))
    del fut
    print(sorted(x.get_name() for x in background))
    await asyncio.sleep(3)
    values = weakref.WeakValueDictionary()
    values["t2"] = t2
    print(list(values), len(asyncio.all_tasks()))
    del t2
    print(list(values), len(background))
    ev = asyncio.Event()
    er = weakref.ref(ev, lambda r: print("event gone"))
    ev = None
    print("end of main")

asyncio.run(main())
