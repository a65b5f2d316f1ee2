# ten sleeps of 0.1 s accumulate float error: loop.time() is not exactly 1.0
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(repr(loop.time()), loop.time() == 1.0)
    await asyncio.sleep(1 / 3)
    print(repr(loop.time()))
    for _ in range(3):
        await asyncio.sleep(0.7)
    print(repr(loop.time()))


asyncio.run(main())
