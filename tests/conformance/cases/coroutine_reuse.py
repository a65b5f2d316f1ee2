# a coroutine object can be awaited only once
import asyncio


async def once():
    await asyncio.sleep(0.1)
    return "value"


async def main():
    coro = once()
    print(await coro)
    try:
        await coro
    except RuntimeError as error:
        print("RuntimeError:", error)


asyncio.run(main())
