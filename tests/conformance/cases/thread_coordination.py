# Threads talking to the loop: run_coroutine_threadsafe from a worker, call_soon_threadsafe waking the loop, a queue.Queue fed by a producer thread, threading.Event and Timer
import asyncio
import queue
import threading
import time


async def remote_add(a, b):
    await asyncio.sleep(0.3)
    return a + b


def worker(loop, results):
    fut = asyncio.run_coroutine_threadsafe(remote_add(2, 3), loop)
    print("worker waits for the loop's answer")
    results.append(fut.result())
    print("worker got", results[-1], "at", round(time.monotonic(), 3))
    loop.call_soon_threadsafe(print, "callback from the worker")


def producer(q):
    for i in range(3):
        time.sleep(0.2)
        q.put(i)
    q.put(None)


async def main():
    loop = asyncio.get_running_loop()
    results = []
    await loop.run_in_executor(None, worker, loop, results)
    q = queue.Queue()
    threading.Thread(target=producer, args=(q,), daemon=True).start()
    while (item := await asyncio.to_thread(q.get)) is not None:
        print("consumed", item, "at", loop.time())
    ready = threading.Event()
    threading.Timer(0.5, ready.set).start()
    print("event set:", await asyncio.to_thread(ready.wait, 2), loop.time())
    print(results)


asyncio.run(main())
