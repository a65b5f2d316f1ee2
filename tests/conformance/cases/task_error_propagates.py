# an exception in an awaited task propagates to main and ends the program (traceback through both coroutines)
import asyncio


async def divide(a, b):
    await asyncio.sleep(0.1)
    return a / b


async def main():
    print(await asyncio.create_task(divide(1, 2)))
    print(await asyncio.create_task(divide(1, 0)))
    print("not reached")


asyncio.run(main())
