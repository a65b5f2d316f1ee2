# what old tutorials call: loop= arguments (TypeError), asyncio.coroutine, async_, Task.all_tasks/current_task (AttributeError naming the C type _asyncio.Task), and other types' attribute errors
import asyncio
import functools
import itertools
import operator
import random

async def work():
    await asyncio.sleep(0.1)
    return 1

async def main():
    loop = asyncio.get_running_loop()
    tries = [
        lambda: asyncio.Queue(loop=loop),
        lambda: asyncio.Lock(loop=loop),
        lambda: asyncio.Event(loop=loop),
        lambda: asyncio.Semaphore(2, loop=loop),
        lambda: asyncio.gather(work(), loop=loop),
        lambda: asyncio.wait_for(work(), 1, loop=loop),
        lambda: asyncio.sleep(1, loop=loop),
        lambda: asyncio.coroutine,
        lambda: asyncio.async_,
        lambda: asyncio.Task.all_tasks(),
        lambda: asyncio.Task.current_task(),
        lambda: loop.create_task(work(), name=3).get_name(),
    ]
    for t in tries:
        try:
            r = t()
            print("ok", type(r).__name__, r if isinstance(r, str) else "")
            if asyncio.iscoroutine(r):
                r.close()
        except Exception as e:
            print(type(e).__name__, e)
    await asyncio.sleep(0.2)
    for t in [functools.partial, itertools.chain, operator.itemgetter,
              asyncio.Future, random.Random, asyncio.Queue, asyncio.Lock, asyncio.Handle, int]:
        try:
            t.nope
        except AttributeError as e:
            print(e)

asyncio.run(main())
