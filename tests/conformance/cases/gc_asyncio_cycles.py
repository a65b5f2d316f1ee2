# The cycle collector sees through asyncio's objects: futures, tasks, handles, queues, locks and events in reference cycles are freed by gc.collect(), and nothing they keep alive is freed
import asyncio
import gc
import weakref


class Box:
    def run(self):
        print("handle ran")


async def wait_forever(loop):
    try:
        await loop.create_future()
    finally:
        print("wait_forever closed")


async def work(holder):
    await asyncio.sleep(0)
    return holder


async def main():
    loop = asyncio.get_running_loop()

    # A future whose result and done callback refer back to it.
    fut = loop.create_future()
    fut.add_done_callback(lambda f: fut)
    fut.set_result([fut])
    await asyncio.sleep(0)
    watch = weakref.ref(fut)
    del fut
    print("future alive before:", watch() is not None)
    gc.collect()
    print("future alive after:", watch() is not None)

    # A task whose result holds the task.
    holder = []
    task = asyncio.create_task(work(holder))
    holder.append(task)
    result = await task
    print("result holds task:", result[0] is task)
    watch = weakref.ref(task)
    del task, holder, result
    gc.collect()
    print("task alive after:", watch() is not None)

    # A handle that ran, kept by an object its callback is a method of.
    box = Box()
    box.handle = loop.call_soon(box.run)
    await asyncio.sleep(0)
    watch = weakref.ref(box)
    del box
    gc.collect()
    print("box alive after:", watch() is not None)

    # A queue holding itself.
    q = asyncio.Queue()
    q.put_nowait(q)
    watch = weakref.ref(q)
    del q
    gc.collect()
    print("queue alive after:", watch() is not None)

    # A task waiting on a future only the task refers to: both are garbage,
    # its coroutine is closed and the task reported as destroyed pending.
    task = asyncio.create_task(wait_forever(loop))
    await asyncio.sleep(0)
    del task
    print("collected something:", gc.collect() > 0)

    # What a live future holds survives every collection.
    keep = loop.create_future()
    keep.add_done_callback(lambda f: print("callback sees", f.result()))
    keep.set_result(["still here"])
    gc.collect()
    await asyncio.sleep(0)
    gc.collect()
    print("kept result:", keep.result())


asyncio.run(main())
