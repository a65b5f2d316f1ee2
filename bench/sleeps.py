# Benchmark (a): 10,000 tasks, each awaiting 100 random sleeps.
# Exercises the timer heap: one million timers scheduled and fired.
import asyncio
import random

TASKS = 10_000
SLEEPS_PER_TASK = 100


async def sleeper(index):
    slept = 0.0
    for _ in range(SLEEPS_PER_TASK):
        delay = random.random()
        await asyncio.sleep(delay)
        slept += delay
    return slept


async def main():
    tasks = [asyncio.create_task(sleeper(index)) for index in range(TASKS)]
    totals = await asyncio.gather(*tasks)
    longest = max(totals)
    print(f"sleeps: {TASKS * SLEEPS_PER_TASK}")
    print(f"checksum: {sum(totals):.6f} longest: {longest:.6f} by task {totals.index(longest)}")


asyncio.run(main())
