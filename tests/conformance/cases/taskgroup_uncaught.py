# an uncaught ExceptionGroup from a TaskGroup with two failures is printed with its box-drawn traceback
import asyncio


async def fail_after(delay, error):
    await asyncio.sleep(delay)
    raise error


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(fail_after(1, ValueError("first")))
        group.create_task(fail_after(1, TypeError("second")))
        group.create_task(fail_after(2, KeyError("never raised")))


asyncio.run(main())
