# a finished task can be awaited again and gives the same result
import asyncio


async def slow_value():
    await asyncio.sleep(0.2)
    print("computed once")
    return 7


async def main():
    task = asyncio.create_task(slow_value())
    print(await task)
    print(await task)
    print(await task + await task)


asyncio.run(main())
