# consumers blocked on an empty queue are served in the order they started waiting
import asyncio


async def consumer(name, queue):
    item = await queue.get()
    print(f"{name} got {item}")


async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(f"c{i}", queue)) for i in range(3)]
    await asyncio.sleep(1)
    for item in "xyz":
        queue.put_nowait(item)
        print("put", item)
    await asyncio.gather(*consumers)


asyncio.run(main())
