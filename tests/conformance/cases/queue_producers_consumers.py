# two producers and three consumers share a queue; consumers are cancelled once the queue is joined
import asyncio


async def produce(name, queue, count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        await queue.put(f"{name}{i}")
        print(f"{name} produced {name}{i}")


async def consume(name, queue):
    try:
        while True:
            item = await queue.get()
            await asyncio.sleep(0.7)
            print(f"  {name} consumed {item}")
            queue.task_done()
    except asyncio.CancelledError:
        print(f"  {name} stops")
        raise


async def main():
    queue = asyncio.Queue(maxsize=3)
    consumers = [asyncio.create_task(consume(f"c{i}", queue)) for i in range(3)]
    await asyncio.gather(produce("p", queue, 4, 0.25), produce("q", queue, 3, 0.4))
    await queue.join()
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)


asyncio.run(main())
