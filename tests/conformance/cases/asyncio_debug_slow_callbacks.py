# Debug mode: slow callbacks and task steps are logged, and reprs say where objects were created.
import asyncio
import time


def stall(seconds):
    time.sleep(seconds)
    print("callback stalled", seconds)


async def heavy():
    time.sleep(0.25)
    await asyncio.sleep(0)
    time.sleep(0.05)
    print("heavy done")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration)
    fut = loop.create_future()
    print(repr(fut))
    handle = loop.call_soon(stall, 0.2)
    print(repr(handle))
    timer = loop.call_later(5, stall, 0.1)
    print(repr(timer))
    timer.cancel()
    task = asyncio.create_task(heavy())
    print(repr(task))
    await task
    loop.slow_callback_duration = 0.01
    print(loop.slow_callback_duration)
    await asyncio.sleep(0.1)
    time.sleep(0.02)
    fut.set_result(1)
    print(repr(fut))
    print(repr(asyncio.Future()))

asyncio.run(main(), debug=True)
