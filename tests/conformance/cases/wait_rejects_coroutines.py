# asyncio.wait refuses bare coroutines in 3.11 (TypeError), and an empty set (ValueError)
import asyncio


async def job():
    return 1


async def main():
    coro = job()
    try:
        await asyncio.wait([coro])
    except TypeError as error:
        print("TypeError:", error)
    print("run it anyway:", await coro)
    try:
        await asyncio.wait([])
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
