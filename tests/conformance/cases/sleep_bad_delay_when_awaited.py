# asyncio.sleep checks its delay when the coroutine runs, not when it is called: sleep("x") is a coroutine, and gather's other tasks run on
import asyncio


class Seconds:
    def __init__(self, n):
        self.n = n

    def __le__(self, other):
        print("comparing", self.n, "with", other)
        return self.n <= other

    def __radd__(self, now):
        return now + self.n


class Opaque:
    def __le__(self, other):
        return False


async def slow(n):
    await asyncio.sleep(n)
    print("slow", n, "done")
    return n


async def main():
    pending = asyncio.sleep("x")
    print(type(pending).__name__)
    try:
        await pending
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.gather(slow(0.1), asyncio.sleep(None))
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0.5)
    later = asyncio.sleep(Seconds(0.25), result="custom")
    print("made")
    print(await later, asyncio.get_running_loop().time())
    print(await asyncio.sleep(Seconds(0)))
    never = asyncio.sleep([])
    never.close()
    print("closed without running")
    await asyncio.sleep(Opaque())


asyncio.run(main())
