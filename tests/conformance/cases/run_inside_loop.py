# asyncio.run called from a running loop raises RuntimeError; the coroutine passed to it is never awaited
import asyncio


async def inner():
    return "inner"


async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        print("RuntimeError:", error)
    print("inner is awaited after all:", await coro)


asyncio.run(main())
