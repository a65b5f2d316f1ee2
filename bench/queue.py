# Benchmark (b): 1,000,000 items through one asyncio.Queue(maxsize=100),
# from 100 producers to 50 consumers; each consumer stops at a sentinel.
# A consumer hands control back after each item (sleep(0), as if it did some
# async work with it), so the items spread evenly over the consumers. The
# checksum depends on which consumer got which item in which order.
import asyncio

PRODUCERS = 100
CONSUMERS = 50
ITEMS_PER_PRODUCER = 10_000
MAXSIZE = 100
MODULUS = 1_000_000_007


async def producer(queue, index):
    first = index * ITEMS_PER_PRODUCER
    for item in range(first, first + ITEMS_PER_PRODUCER):
        await queue.put(item)


async def consumer(queue, index):
    count = 0
    checksum = 0
    while True:
        item = await queue.get()
        if item is None:
            return count, checksum
        count += 1
        checksum = (checksum * 31 + item + index) % MODULUS
        await asyncio.sleep(0)


async def main():
    queue = asyncio.Queue(maxsize=MAXSIZE)
    consumers = [asyncio.create_task(consumer(queue, index)) for index in range(CONSUMERS)]
    producers = [asyncio.create_task(producer(queue, index)) for index in range(PRODUCERS)]
    await asyncio.gather(*producers)
    for _ in range(CONSUMERS):
        await queue.put(None)
    results = await asyncio.gather(*consumers)
    counts = [count for count, _ in results]
    checksum = 0
    for _, partial in results:
        checksum = (checksum * 1_000_003 + partial) % MODULUS
    print(f"items: {sum(counts)} busiest consumer: {max(counts)} idlest: {min(counts)}")
    print(f"checksum: {checksum}")


asyncio.run(main())
