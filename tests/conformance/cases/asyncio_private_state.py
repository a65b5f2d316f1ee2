# the private state attributes of asyncio's primitives that tutorials print: Semaphore._value, BoundedSemaphore._bound_value, Lock._locked, Event._value, Queue._maxsize/_unfinished_tasks
import asyncio


async def holder(sem, lock, i):
    async with sem:
        print(f"task {i} in, sem._value={sem._value}")
        async with lock:
            print(f"task {i} has the lock: _locked={lock._locked}")
            await asyncio.sleep(0.5)
    print(f"task {i} out, sem._value={sem._value}")


async def main():
    sem = asyncio.Semaphore(2)
    lock = asyncio.Lock()
    print(sem._value, lock._locked)
    await asyncio.gather(*(holder(sem, lock, i) for i in range(3)))
    bounded = asyncio.BoundedSemaphore(3)
    await bounded.acquire()
    print(bounded._value, bounded._bound_value)
    event = asyncio.Event()
    print(event._value)
    event.set()
    print(event._value)
    q = asyncio.Queue(maxsize=4)
    await q.put("a")
    await q.put("b")
    print(q._maxsize, q._unfinished_tasks)
    await q.get()
    q.task_done()
    print(q._unfinished_tasks)
    try:
        sem._bound_value
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
