# all_tasks() lists the loop's unfinished tasks, main included (sorted by name for a stable print)
import asyncio


async def napper(delay):
    await asyncio.sleep(delay)


def names():
    return sorted(task.get_name() for task in asyncio.all_tasks())


async def main():
    tasks = [asyncio.create_task(napper(d), name=f"nap{d}") for d in (3, 1, 2)]
    print(len(asyncio.all_tasks()), names())
    await asyncio.sleep(1.5)
    print(len(asyncio.all_tasks()), names())
    await asyncio.gather(*tasks)
    print(len(asyncio.all_tasks()), names())


asyncio.run(main())
