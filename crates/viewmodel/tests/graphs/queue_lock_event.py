# Waiters parked on a queue, a lock and an event; a lock's holder
import asyncio


async def consumer(queue):
    item = await queue.get()
    print("got", item)


async def locker(lock, seconds):
    async with lock:
        await asyncio.sleep(seconds)


async def watcher(event):
    await event.wait()
    print("event seen")


async def main():
    queue = asyncio.Queue()
    lock = asyncio.Lock()
    event = asyncio.Event()
    tasks = [
        asyncio.create_task(consumer(queue)),
        asyncio.create_task(locker(lock, 2)),
        asyncio.create_task(locker(lock, 1)),
        asyncio.create_task(watcher(event)),
    ]
    await asyncio.sleep(1)
    await queue.put("parcel")
    event.set()
    await asyncio.gather(*tasks)


asyncio.run(main())
