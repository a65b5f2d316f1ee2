# asyncio's own coroutines in task reprs: the line of CPython's source each
# one waits at (created, suspended, done), and where the standard library is.
import asyncio
import logging
import random


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    await lock.acquire()
    event = asyncio.Event()
    full = asyncio.Queue(1)
    full.put_nowait("x")
    cond = asyncio.Condition()
    pending = loop.create_future()
    coros = {
        "sleep(0)": asyncio.sleep(0),
        "sleep(5)": asyncio.sleep(5),
        "lock": lock.acquire(),
        "event": event.wait(),
        "semaphore": asyncio.Semaphore(0).acquire(),
        "put": full.put("y"),
        "get": asyncio.Queue().get(),
        "join": full.join(),
        "wait_for": asyncio.wait_for(pending, 10),
        "wait_for(None)": asyncio.wait_for(asyncio.sleep(7), None),
        "wait": asyncio.wait([pending]),
        "one of as_completed": next(asyncio.as_completed([pending])),
    }
    tasks = {label: asyncio.create_task(coro) for label, coro in coros.items()}
    for label, task in tasks.items():
        print("created", label, task)
    await asyncio.sleep(0)
    for label, task in tasks.items():
        print("waiting", label, task)
    await cond.acquire()
    waiter = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print("condition", waiter)  # it released the lock and waits
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    print("condition", waiter)  # notified, it waits for the lock again
    cond.release()
    print("condition", await waiter, waiter)
    for task in tasks.values():
        task.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for label, task in tasks.items():
        print("cancelled", label, task)
    print(await loop.shutdown_asyncgens(), await loop.shutdown_default_executor())
    print(logging.__file__)
    print(random)


asyncio.run(main())
