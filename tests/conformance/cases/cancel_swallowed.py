# a task that catches CancelledError and returns is not cancelled: it finishes with its value
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught the cancellation, tidying up")
        await asyncio.sleep(0.5)
        return "finished anyway"


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    task.cancel()
    result = await task
    print(result, "cancelled():", task.cancelled(), "at", asyncio.get_running_loop().time())


asyncio.run(main())
