# wait_for waits for the inner task to really finish after cancelling it, and returns what it returns
import asyncio


async def stubborn(name, extra):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(name, "got the cancellation at", asyncio.get_running_loop().time())
        await asyncio.sleep(extra)
        return name + " finished anyway"


async def fails_on_cancel():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        raise KeyError("cleanup failed")


async def waiter(coro, timeout):
    try:
        print("waiter got:", await asyncio.wait_for(coro, timeout))
    except asyncio.CancelledError as error:
        print("waiter cancelled with", error.args, "at", asyncio.get_running_loop().time())
        raise


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(waiter(stubborn("first", 1), 10))
    await asyncio.sleep(1)
    task.cancel("stop now")
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled(), "at", loop.time())
    await waiter(stubborn("second", 1), 1)
    try:
        await asyncio.wait_for(fails_on_cancel(), 1)
    except KeyError as error:
        print("error while cancelling:", repr(error), "at", loop.time())


asyncio.run(main())
