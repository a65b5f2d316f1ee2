# wait(): argument checks, timeout=0, FIRST_EXCEPTION ignoring cancelled tasks, and cancelling a wait
import asyncio


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"failed after {delay}")
    return delay


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def attempt(awaitable):
    try:
        await awaitable
    except (TypeError, ValueError, AttributeError) as error:
        print(type(error).__name__ + ":", error)


async def main():
    loop = asyncio.get_running_loop()
    first = asyncio.create_task(job(1), name="a")
    await attempt(asyncio.wait([first], return_when="SOMETIMES"))
    await attempt(asyncio.wait(first))
    await attempt(asyncio.wait([1, 2]))
    done, pending = await asyncio.wait([first], timeout=0)
    print(names(done), names(pending), loop.time())
    done, pending = await asyncio.wait([first, first], timeout=5)
    print(names(done), names(pending), loop.time())
    failing = asyncio.create_task(job(1, True), name="b")
    slow = asyncio.create_task(job(2), name="c")
    cancelled = asyncio.create_task(job(0.5), name="d")
    cancelled.cancel()
    done, pending = await asyncio.wait([failing, slow, cancelled], return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending), loop.time())
    waiting = asyncio.create_task(asyncio.wait([slow]))
    await asyncio.sleep(0)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print("the wait was cancelled, the task not:", slow.done(), slow.cancelled(), loop.time())
    print(await slow, loop.time())


asyncio.run(main())
