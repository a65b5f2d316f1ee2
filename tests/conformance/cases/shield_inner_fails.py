# shield passes on the inner task's exception or cancellation; shielding a done future returns it unchanged
import asyncio


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"failed after {delay}")
    return delay


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.shield(job(1, True))
    except ValueError as error:
        print("shield raised", repr(error), "at", loop.time())
    task = asyncio.create_task(job(1))
    outer = asyncio.shield(task)
    print(outer is task, type(outer).__name__)
    task.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("inner cancelled, outer cancelled:", outer.cancelled())
    done = loop.create_future()
    done.set_result(5)
    print("done future passes through:", asyncio.shield(done) is done)
    inner = asyncio.create_task(job(1, True))
    asyncio.shield(inner).cancel()
    await asyncio.sleep(2)
    print("inner failed with nobody watching:", repr(inner.exception()))
    try:
        asyncio.shield(42)
    except TypeError as error:
        print("TypeError:", error)


asyncio.run(main())
