# time.sleep inside a coroutine holds the whole loop while two other tasks are ready
import asyncio
import time


async def greet(name):
    print("hello from", name)


async def slowpoke():
    time.sleep(2)
    print("slowpoke is done")


async def main():
    await asyncio.gather(slowpoke(), greet("Task-3"), greet("Task-4"))


asyncio.run(main())
