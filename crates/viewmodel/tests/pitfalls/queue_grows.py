# An unbounded queue filled faster than it is drained keeps growing
import asyncio


async def producer(queue):
    for n in range(12):
        await queue.put(n)
        await asyncio.sleep(0.1)


async def consumer(queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(1)
        print("handled", item)


async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue))
    await producer(queue)
    print(queue.qsize(), "items left")
    worker.cancel()


asyncio.run(main())
