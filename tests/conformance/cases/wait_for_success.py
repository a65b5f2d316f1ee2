# wait_for returns the result when the coroutine finishes in time; timeout=None waits forever
import asyncio


async def answer(delay):
    await asyncio.sleep(delay)
    return delay * 2


async def main():
    print(await asyncio.wait_for(answer(1), timeout=2))
    print(await asyncio.wait_for(answer(5), timeout=None))
    print(asyncio.get_running_loop().time())


asyncio.run(main())
