# an exception in the TaskGroup body cancels the children and is wrapped in an ExceptionGroup
import asyncio


async def child(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child", i, "cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for i in range(3):
                group.create_task(child(i))
            await asyncio.sleep(0.5)
            raise RuntimeError("body failed")
    except ExceptionGroup as error:
        print(type(error).__name__, error.message, error.exceptions)


asyncio.run(main())
