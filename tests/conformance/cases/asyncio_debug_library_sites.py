# Debug mode: where asyncio's own code made gather's, TaskGroup's, Lock's and Queue's futures and tasks; handle_traceback.
import asyncio
import time


async def sleeper(n):
    await asyncio.sleep(n)
    return n


async def waiter(lock):
    async with lock:
        time.sleep(0.2)


def custom():
    asyncio.get_running_loop().call_exception_handler({"message": "custom report"})


async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(sleeper(1), sleeper(2))
    print(repr(g))
    await asyncio.sleep(0)
    children = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for t in sorted(children, key=lambda t: t.get_name()):
        print(repr(t))
    await g
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(sleeper(0.5))
        print(repr(t))
    print(await asyncio.wait_for(sleeper(0.1), 5))
    lock = asyncio.Lock()
    await lock.acquire()
    w = asyncio.create_task(waiter(lock))
    await asyncio.sleep(0)
    print(repr(w))
    lock.release()
    await w
    loop.call_soon(custom)
    await asyncio.sleep(0)
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get(), name="getter")
    await asyncio.sleep(0)
    print(repr(getter))
    getter.cancel()
    t2 = asyncio.Task(sleeper(0))
    print(repr(t2))
    await t2
    await asyncio.sleep(0.3)
    print("end")


loop = asyncio.new_event_loop()
loop.set_debug(True)
loop.run_until_complete(main())
loop.close()
