# asyncio.Barrier: abort() and reset() wake waiters with BrokenBarrierError, a broken barrier refuses wait(), reset() repairs it, a cancelled waiter leaves the count, an uncaught BrokenBarrierError's traceback
import asyncio


def shown(b):
    head, _, rest = repr(b).partition(" at 0x")
    return head + rest[rest.index(" "):]


async def waiter(b, name):
    try:
        i = await b.wait()
        print(name, "got index", i)
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", repr(e), shown(b))
    except asyncio.CancelledError:
        print(name, "cancelled", shown(b))
        raise


async def main():
    b = asyncio.Barrier(3)
    tasks = [asyncio.create_task(waiter(b, n)) for n in "pq"]
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting, shown(b))
    await b.abort()
    print("after abort:", b.broken, b.n_waiting, shown(b))
    await asyncio.gather(*tasks)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait on broken:", e)
    await b.reset()
    print("after reset:", b.broken, shown(b))

    tasks = [asyncio.create_task(waiter(b, n)) for n in "rs"]
    await asyncio.sleep(0.5)
    print("before reset:", shown(b))
    await b.reset()
    print("resetting:", shown(b))
    await asyncio.gather(*tasks)
    print("drained:", shown(b))

    t = asyncio.create_task(waiter(b, "u"))
    v = asyncio.create_task(waiter(b, "v"))
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("after cancel:", b.n_waiting, shown(b))
    w = asyncio.create_task(waiter(b, "w"))
    x = asyncio.create_task(waiter(b, "x"))
    await asyncio.gather(v, w, x)
    print("done:", shown(b))
    await b.abort()
    await b.wait()


asyncio.run(main())
