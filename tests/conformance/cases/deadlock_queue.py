# a consumer waits on a queue after the producer finished: deadlock once the clock has nothing left
import asyncio


async def producer(queue):
    for i in range(2):
        await asyncio.sleep(1)
        await queue.put(i)


async def consumer(queue):
    while True:
        item = await queue.get()
        print("consumed", item)


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
