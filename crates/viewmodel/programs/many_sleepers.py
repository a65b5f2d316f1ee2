import asyncio
import random


async def sleeper(index):
    for step in range(SLEEPS):
        await asyncio.sleep(random.choice([0, 0.25, 0.5, 1]))
        if step % 5 == 0:
            print(index, step)
    return index


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(TASKS)]
    print(sum(await asyncio.gather(*tasks)))


asyncio.run(main())
