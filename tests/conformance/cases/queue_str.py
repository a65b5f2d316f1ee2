# str() of a queue drops the address its repr shows (Queue.__str__ in queues.py);
# print, f-strings, %s and format() use it.
import asyncio


async def main():
    queue = asyncio.Queue(maxsize=3)
    print(queue)
    for item in ("a", "b"):
        queue.put_nowait(item)
    print(f"now {queue}", str(asyncio.LifoQueue()), format(asyncio.PriorityQueue(2)))
    getter = asyncio.create_task(asyncio.Queue().get())
    await asyncio.sleep(0)
    await queue.get()
    print(queue, "%s" % queue)
    getter.cancel()


asyncio.run(main())
