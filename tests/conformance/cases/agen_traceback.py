# an exception raised in an async generator nested in another, uncaught: the traceback
import asyncio

async def inner():
    yield 1
    await asyncio.sleep(0.1)
    raise ValueError("from agen")

async def outer():
    async for x in inner():
        yield x * 10

async def main():
    async for v in outer():
        print(v)

asyncio.run(main())
