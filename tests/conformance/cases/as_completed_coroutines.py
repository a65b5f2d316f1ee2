# as_completed wraps coroutines in tasks, starts when first iterated, and delivers exceptions through await
import asyncio


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"failed after {delay}")
    return delay


async def drain(iterator):
    loop = asyncio.get_running_loop()
    count = 0
    while True:
        try:
            awaitable = next(iterator)
        except StopIteration:
            return count
        count += 1
        try:
            print("result", await awaitable, "at", loop.time())
        except (ValueError, TimeoutError) as error:
            print("error", repr(error), "at", loop.time())


async def main():
    loop = asyncio.get_running_loop()
    iterator = asyncio.as_completed([job(2), job(1, True), job(3)])
    print(type(iterator).__name__)
    await asyncio.sleep(1.5)
    print(await drain(iterator), "awaitables, ending at", loop.time())
    task = asyncio.create_task(job(1))
    print("a task given twice:", await drain(asyncio.as_completed([task, task])))
    print("nothing given:", await drain(asyncio.as_completed([])))
    ready = loop.create_future()
    ready.set_result("ready")
    print(await drain(asyncio.as_completed([ready, job(1)], timeout=0.5)), "at", loop.time())
    try:
        next(asyncio.as_completed(ready))
    except TypeError as error:
        print("TypeError:", error)


asyncio.run(main())
