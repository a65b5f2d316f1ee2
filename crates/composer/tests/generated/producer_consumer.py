# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# Producers and consumers: producers fill a bounded queue that consumers drain; a full queue makes producers wait
import asyncio

PRODUCERS = 2
CONSUMERS = 2
MAXSIZE = 2
ITEMS = 3
PRODUCE_DELAY = 0.5
CONSUME_DELAY = 1.0


async def producer(number, queue):
    """Makes ITEMS items; put() waits while the queue is full."""
    for i in range(ITEMS):
        await asyncio.sleep(PRODUCE_DELAY)
        await queue.put(f"p{number}-{i}")
        print(f"producer {number} put p{number}-{i}")


async def consumer(number, queue):
    """Takes items until it is cancelled; get() waits while the queue is empty."""
    while True:
        item = await queue.get()
        await asyncio.sleep(CONSUME_DELAY)
        print(f"consumer {number} handled {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=MAXSIZE)
    consumers = [
        asyncio.create_task(consumer(n, queue), name=f"consumer-{n}")
        for n in range(CONSUMERS)
    ]
    producers = [
        asyncio.create_task(producer(n, queue), name=f"producer-{n}")
        for n in range(PRODUCERS)
    ]
    await asyncio.gather(*producers)
    await queue.join()
    for task in consumers:
        task.cancel()
    print("every item was handled")


asyncio.run(main())
