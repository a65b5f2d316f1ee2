# TaskGroup children may create more tasks in the same group; results are read after the block
import asyncio


async def fetch(group, n, results):
    await asyncio.sleep(n * 0.1)
    results.append(n)
    if n < 3:
        group.create_task(fetch(group, n + 2, results))


async def main():
    results = []
    async with asyncio.TaskGroup() as group:
        group.create_task(fetch(group, 1, results))
        group.create_task(fetch(group, 2, results))
    print(results, round(asyncio.get_running_loop().time(), 6))


asyncio.run(main())
