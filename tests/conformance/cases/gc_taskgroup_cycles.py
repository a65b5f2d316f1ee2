# A task suspended in a TaskGroup's __aexit__ or inside asyncio.timeout(), with children and futures nothing else refers to, is garbage: gc.collect() reports the tasks destroyed while pending; a live group finishes normally
import asyncio
import gc
import weakref


async def forever():
    await asyncio.get_running_loop().create_future()


async def parent():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(forever())


async def bounded():
    async with asyncio.timeout(None):
        await asyncio.get_running_loop().create_future()


async def quick(n):
    await asyncio.sleep(n)
    return n


async def main():
    task = asyncio.ensure_future(parent())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    watch = weakref.ref(task)
    del task
    gc.collect()
    print("group parent alive:", watch() is not None)

    task = asyncio.ensure_future(bounded())
    await asyncio.sleep(0)
    watch = weakref.ref(task)
    del task
    gc.collect()
    print("timeout task alive:", watch() is not None)

    async with asyncio.TaskGroup() as tg:
        children = [tg.create_task(quick(n)) for n in (2, 1)]
        await asyncio.sleep(0)
        gc.collect()
    print("live group:", [c.result() for c in children])


asyncio.run(main())
print("end")
