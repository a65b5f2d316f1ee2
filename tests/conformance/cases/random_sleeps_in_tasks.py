# random sleep lengths decide which task finishes first (seeded, so reproducible)
import asyncio
import random


async def make_random(idx, threshold):
    tries = 0
    value = random.randint(0, 10)
    while value <= threshold:
        tries += 1
        await asyncio.sleep(idx + 1)
        value = random.randint(0, 10)
    print(f"task {idx} got {value} after {tries} retries")
    return value


async def main():
    return await asyncio.gather(*(make_random(i, 8 - i) for i in range(3)))


random.seed(50)
print(asyncio.run(main()))
