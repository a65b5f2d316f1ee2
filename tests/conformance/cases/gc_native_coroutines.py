# Tasks suspended in asyncio's own coroutines (Event.wait, Lock.acquire) on primitives nothing else refers to are garbage: gc.collect() closes them and reports them destroyed while pending; live waiters are untouched
import asyncio
import gc
import weakref


class Box:
    pass


async def main():
    # A task waiting on an event only its coroutine refers to.
    task = asyncio.ensure_future(asyncio.Event().wait())
    await asyncio.sleep(0)
    watch = weakref.ref(task)
    del task
    gc.collect()
    print("event waiter alive:", watch() is not None)

    # A task waiting for a lock held by an object in a cycle.
    box = Box()
    box.me = box
    box.lock = asyncio.Lock()
    await box.lock.acquire()
    task = asyncio.ensure_future(box.lock.acquire())
    await asyncio.sleep(0)
    watch = weakref.ref(task)
    del task, box
    gc.collect()
    print("lock waiter alive:", watch() is not None)

    # A waiter on a live event survives collections and wakes up.
    event = asyncio.Event()
    waiter = asyncio.ensure_future(event.wait())
    await asyncio.sleep(0)
    gc.collect()
    event.set()
    print("live waiter woke:", await waiter)

    # A live condition: its waiter survives and is notified.
    cond = asyncio.Condition()

    async def wait_on(c):
        async with c:
            await c.wait()
        return "notified"

    waiter = asyncio.ensure_future(wait_on(cond))
    await asyncio.sleep(0)
    gc.collect()
    async with cond:
        cond.notify()
    print("condition waiter:", await waiter)

    # A sleeping task nothing refers to is kept by its timer.
    async def nap():
        await asyncio.sleep(1)
        return "rested"

    watch = weakref.ref(asyncio.ensure_future(nap()))
    await asyncio.sleep(0)
    gc.collect()
    print("sleeper alive:", watch() is not None)
    print("sleeper:", await watch())


asyncio.run(main())
