# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# Every step: one of each kind of step the composer offers
import asyncio
import random
import time

ROUNDS = 2
SEED = 0


def crunch(iterations):
    """CPU-bound work: it runs to the end before anything else can run."""
    total = 0
    for i in range(iterations):
        total += i % 7
    return total


async def worker(name, delay, lock):
    """Holds the lock while it works."""
    async with lock:
        print(f"{name} holds the lock")
        await asyncio.sleep(delay)
    return name


async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("bad input")


async def consumer(queue):
    while True:
        item = await queue.get()
        print(f"got {item}")
        queue.task_done()


async def waiter(ready):
    await ready.wait()
    print("the event was set")


async def slow():
    await asyncio.sleep(5)


async def main():
    random.seed(SEED)
    lock = asyncio.Lock()
    ready = asyncio.Event()
    queue = asyncio.Queue(maxsize=2)
    gate = asyncio.Semaphore(1)
    print("start")
    crunch(ROUNDS * 500)
    time.sleep(0.5)  # blocks the event loop: nothing else runs meanwhile
    first = await worker("first", 0.2, lock)
    second = asyncio.create_task(worker("second", random.uniform(0.1, 0.3), lock), name="second")
    watcher = asyncio.create_task(waiter(ready))
    ready.set()
    name = await second
    print(f"{first} and {name} are back")
    consumers = [
        asyncio.create_task(consumer(queue), name="consumer")
        for _ in range(1)
    ]
    for i in range(ROUNDS):
        await queue.put(i)
    await queue.join()
    for task in consumers:
        task.cancel()
    results = await asyncio.gather(worker("third", 0.1, lock), failing(), return_exceptions=True)
    print(f"gather: {results}")
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except TimeoutError:
        print("slow() timed out")
    sleeper = asyncio.create_task(slow(), name="sleeper")
    fourth = asyncio.create_task(worker("fourth", 0.1, lock))
    done, pending = await asyncio.wait([sleeper, fourth], return_when=asyncio.FIRST_COMPLETED)
    finished = len(done)
    print(f"{finished} done first")
    sleeper.cancel()
    async with gate:
        print("inside the semaphore")
    await watcher
    try:
        raise KeyError("boom")
    except KeyError as error:
        print(f"caught {error}")
    return


asyncio.run(main())
