# asyncio.to_thread runs a blocking function (time.sleep inside) in a worker thread while tasks keep running; the worker's name, its result and its exception come back to the coroutine
import asyncio
import threading
import time


def blocking_io(name, seconds):
    print(f"{name}: start in {threading.current_thread().name}")
    time.sleep(seconds)
    print(f"{name}: done after {seconds}s")
    return name.upper()


def failing(seconds):
    time.sleep(seconds)
    raise ValueError(f"failed after {seconds}")


async def ticker():
    for i in range(5):
        print("tick", i, threading.current_thread().name)
        await asyncio.sleep(0.3)


async def main():
    print(f"main starts at {time.strftime('%X')}")
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "a", 1),
        asyncio.to_thread(blocking_io, "b", 0.5),
        ticker(),
    )
    print(results)
    try:
        await asyncio.to_thread(failing, 0.2)
    except ValueError as e:
        print("caught:", repr(e))
    print(f"main ends at {time.strftime('%X')}", threading.active_count())


asyncio.run(main())
print("after run:", threading.active_count())
