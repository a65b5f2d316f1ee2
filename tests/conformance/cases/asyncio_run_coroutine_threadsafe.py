# run_coroutine_threadsafe and call_soon_threadsafe from the loop's own thread, wrap_future both ways.
import asyncio
import concurrent.futures


async def work(n):
    print("work", n, "starts")
    await asyncio.sleep(n)
    print("work", n, "ends")
    return n * 10


async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("bad")


def done(cf):
    print("done callback:", cf.done(), cf.cancelled())


async def main():
    loop = asyncio.get_running_loop()
    cf = asyncio.run_coroutine_threadsafe(work(1), loop)
    print(type(cf).__module__, type(cf).__name__, cf.done())
    cf.add_done_callback(done)
    print("wrapped:", await asyncio.wrap_future(cf))
    print(cf.result())
    cf2 = asyncio.run_coroutine_threadsafe(fail(), loop)
    try:
        await asyncio.wrap_future(cf2)
    except ValueError as e:
        print("caught", repr(e), repr(cf2.exception()))
    cf3 = asyncio.run_coroutine_threadsafe(work(2), loop)
    await asyncio.sleep(0.5)
    print("cancel:", cf3.cancel())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(cf3.cancelled(), [t.get_name() for t in asyncio.all_tasks()])
    try:
        asyncio.run_coroutine_threadsafe(42, loop)
    except TypeError as e:
        print(e)
    order = []
    loop.call_soon_threadsafe(order.append, "threadsafe")
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(0)
    print(order)
    plain = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(plain)
    plain.set_result("from the concurrent side")
    print(wrapped.done())
    print(await wrapped)
    w = asyncio.wrap_future(concurrent.futures.Future())
    w.cancel()
    await asyncio.sleep(0)
    print(w.cancelled())

asyncio.run(main())
