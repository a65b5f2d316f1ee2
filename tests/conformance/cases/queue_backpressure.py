# a full Queue(maxsize=2) blocks the producer until the slow consumer takes items
import asyncio


async def producer(queue):
    for i in range(5):
        await queue.put(i)
        print(f"put {i} (size {queue.qsize()})")
    await queue.put(None)


async def consumer(queue):
    while (item := await queue.get()) is not None:
        print(f"  got {item}")
        await asyncio.sleep(1)


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
