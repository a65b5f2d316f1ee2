# tasks with interleaved equal deadlines (1 s and 2 s) wake in heap order within each deadline
import asyncio


async def sleeper(i, delay):
    await asyncio.sleep(delay)
    print(f"task {i} woke after {delay}")


async def main():
    tasks = [asyncio.create_task(sleeper(i, 1 + i % 2)) for i in range(9)]
    for task in tasks:
        await task


asyncio.run(main())
