# a coroutine passed to a call that raises dies as the exception leaves: reported at the raising line, in the frame that made the call
import asyncio


async def fetch(n):
    return n


def strict(a, b):
    raise TypeError("strict refuses")


async def main():
    try:
        asyncio.wait_for(fetch(1), 1, loop=None)
    except TypeError as e:
        print("1:", e)
    make = lambda: asyncio.shield(fetch(2), loop=None)
    try:
        make()
    except TypeError as e:
        print("2:", e)
    try:
        strict(fetch(3), 0)
    except TypeError as e:
        print("3:", e)
    print("done")


asyncio.run(main())
