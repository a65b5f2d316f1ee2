# Debug mode: call_soon refuses coroutines, reports show where the object was created.
import asyncio


async def boom():
    raise ValueError("lost")


async def helper():
    print("never runs")


def make_orphan():
    return helper()


def bad_callback():
    raise KeyError("cb")


async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.call_soon(helper)
    except TypeError as e:
        print("call_soon:", e)
    try:
        loop.call_later(1, helper)
    except TypeError as e:
        print("call_later:", e)
    try:
        loop.call_soon_threadsafe(42)
    except TypeError as e:
        print("call_soon_threadsafe:", e)
    make_orphan()
    fut = loop.create_future()
    fut.set_exception(RuntimeError("nobody looks"))
    del fut
    t = asyncio.ensure_future(boom())
    await asyncio.sleep(0)
    del t
    loop.call_soon(bad_callback)
    await asyncio.sleep(0)
    print("end of main")

asyncio.run(main(), debug=True)
