# Producer/consumer with a Queue: a full queue (maxsize=2) makes the fast producer wait
import asyncio


async def producer(queue):
    for item in range(1, 6):
        await queue.put(item)  # waits while the queue is full
        print(f"produced {item}  (queue size {queue.qsize()})")
        await asyncio.sleep(0.5)
    await queue.put(None)  # tell the consumer we are done


async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        print(f"        consumed {item}")
        await asyncio.sleep(1.5)  # the consumer is slower


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))
    print("all items consumed")


asyncio.run(main())
