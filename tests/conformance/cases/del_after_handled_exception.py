# __del__ runs when a local is deleted or rebound after an exception passed through its frame and was handled
import asyncio


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


def plain():
    r = Resource("plain")
    try:
        {}["missing"]
    except KeyError as e:
        print("handled", repr(e))
    del r
    print("after del in plain")
    r = Resource("first")
    try:
        int("x")
    except ValueError:
        pass
    r = Resource("second")
    print("rebound")


async def numbers():
    yield 1
    yield 2


async def main():
    r = Resource("async for")
    async for n in numbers():
        print("got", n)
    del r
    print("after async for")
    r = Resource("anext")
    agen = numbers()
    try:
        while True:
            await agen.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    del r
    print("after anext")
    r = Resource("timeout")
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    r = None
    print("after timeout")


plain()
print("plain returned")
asyncio.run(main())
