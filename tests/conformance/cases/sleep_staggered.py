# tasks with different sleeps finish in deadline order
import asyncio


async def worker(name, delay):
    print(f"{name} starts, sleeping {delay}")
    await asyncio.sleep(delay)
    print(f"{name} done")
    return delay


async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 1), worker("c", 2), worker("d", 0.5))
    print("results", results)


asyncio.run(main())
