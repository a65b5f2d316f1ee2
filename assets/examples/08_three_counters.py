# Three counters with gather: three tasks sleep and print in turn
import asyncio


async def count(name, step):
    for i in range(1, 4):
        print(f"{name}: {i}")
        await asyncio.sleep(step)
    return f"{name} done"


async def main():
    results = await asyncio.gather(
        count("A", 1),
        count("B", 1.5),
        count("C", 0.5),
    )
    print(results)


asyncio.run(main())
