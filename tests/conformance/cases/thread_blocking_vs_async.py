# The "threads vs asyncio" comparison: time.sleep in a coroutine blocks everything, the same call in to_thread does not; a plain Thread and a lock shared with the loop's thread
import asyncio
import threading
import time

counter = 0
lock = threading.Lock()


def count_up(n):
    global counter
    for _ in range(n):
        with lock:
            value = counter
            time.sleep(0.01)
            counter = value + 1
    return threading.current_thread().name


async def blocking_task():
    print("blocking task sleeps with time.sleep")
    time.sleep(1)
    print("blocking task woke")


async def polite_task():
    print("polite task sleeps in a thread")
    await asyncio.to_thread(time.sleep, 1)
    print("polite task woke")


async def heartbeat():
    for i in range(4):
        print("heartbeat", i)
        await asyncio.sleep(0.25)


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(blocking_task(), heartbeat())
    print(f"blocking version: {time.perf_counter() - t0:.2f}s")
    t0 = time.perf_counter()
    await asyncio.gather(polite_task(), heartbeat())
    print(f"thread version: {time.perf_counter() - t0:.2f}s")
    names = await asyncio.gather(*(asyncio.to_thread(count_up, 5) for _ in range(3)))
    print(names, counter)


asyncio.run(main())
worker = threading.Thread(target=count_up, args=(3,), name="plain")
worker.start()
print("started", worker.name, worker.is_alive())
worker.join()
print("joined", worker.is_alive(), counter, f"{time.monotonic():.2f}")
