# a task asked to cancel shows as cancelling until it is done, whether it had started or not
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn ignores the first cancel")
    await asyncio.sleep(1)
    return "kept going"


async def main():
    early = asyncio.create_task(job(1), name="early")
    early.cancel()
    print(early)
    started = asyncio.create_task(job(2), name="started")
    tough = asyncio.create_task(stubborn(), name="tough")
    await asyncio.sleep(0.5)
    started.cancel()
    tough.cancel()
    print(started.cancelling(), str(started).split(" coro=")[0])
    await asyncio.sleep(0)
    print(str(started).split(" coro=")[0], started.cancelled())
    print(str(tough).split(" coro=")[0], tough.cancelling())
    print(await tough, str(tough).split(" coro=")[0])
    try:
        await early
    except asyncio.CancelledError:
        print(early)


asyncio.run(main())
