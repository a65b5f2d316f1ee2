# LifoQueue returns the newest item first; PriorityQueue the smallest
import asyncio


async def drain(queue):
    items = []
    while not queue.empty():
        items.append(await queue.get())
    return items


async def main():
    lifo = asyncio.LifoQueue()
    priority = asyncio.PriorityQueue()
    for item in (3, 1, 4, 1, 5):
        await lifo.put(item)
    for item in ((2, "write"), (1, "read"), (3, "sleep"), (1, "eat")):
        await priority.put(item)
    print("lifo:", await drain(lifo))
    print("priority:", await drain(priority))


asyncio.run(main())
