# calling exception() on a failed task retrieves it: nothing is logged
import asyncio


async def fails():
    await asyncio.sleep(0.5)
    raise KeyError("missing")


async def main():
    task = asyncio.create_task(fails())
    await asyncio.sleep(1)
    error = task.exception()
    print("retrieved:", type(error).__name__, error)
    try:
        await task
    except KeyError as again:
        print("awaiting re-raises:", repr(again))


asyncio.run(main())
