# Queue put/get in FIFO order with qsize, empty and full
import asyncio


async def main():
    queue = asyncio.Queue(maxsize=2)
    print(queue.qsize(), queue.empty(), queue.full(), queue.maxsize)
    await queue.put("a")
    await queue.put("b")
    print(queue.qsize(), queue.empty(), queue.full())
    print(await queue.get(), await queue.get())
    print(queue.qsize(), queue.empty(), queue.full())
    unbounded = asyncio.Queue()
    for i in range(100):
        unbounded.put_nowait(i)
    print(unbounded.qsize(), unbounded.full())


asyncio.run(main())
