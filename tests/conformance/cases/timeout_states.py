# Timeout's repr, when(), expired() and reschedule() through its states; an outside cancel stays a CancelledError
import asyncio


def reschedule(cm, when):
    try:
        cm.reschedule(when)
    except RuntimeError as error:
        print("RuntimeError:", error)


async def swallow():
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("swallowed the cancellation")


async def guarded():
    async with asyncio.timeout(10):
        await asyncio.sleep(5)


async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(2)
    print(repr(cm), cm.when(), cm.expired())
    reschedule(cm, 3)
    async with cm:
        print(repr(cm))
        cm.reschedule(None)
        print(repr(cm))
        await asyncio.sleep(3)
    print(repr(cm), cm.expired())
    reschedule(cm, 3)
    try:
        async with cm:
            pass
    except RuntimeError as error:
        print("RuntimeError:", error)
    async with asyncio.timeout(1) as cm:
        await swallow()
        print("after swallowing:", repr(cm), cm.expired())
        reschedule(cm, 5)
    print("no TimeoutError:", repr(cm))
    task = asyncio.create_task(guarded())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("outside cancel is a CancelledError at", loop.time())
    cm = asyncio.timeout_at(loop.time() + 1.23456)
    async with cm:
        print(repr(cm))
    print(repr(cm), type(cm) is asyncio.Timeout)


asyncio.run(main())
