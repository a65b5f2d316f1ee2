# Two tasks take two locks in opposite orders: each waits for the lock the other holds
import asyncio


async def worker(first, second, name):
    async with first:
        await asyncio.sleep(0.1)
        async with second:
            print(name, "has both")


async def main():
    left = asyncio.Lock()
    right = asyncio.Lock()
    await asyncio.gather(worker(left, right, "A"), worker(right, left, "B"))


asyncio.run(main())
