# a tour of the primitives the CPython docs teach, in one program: gather, TaskGroup, Condition, Semaphore, exception handler, done callbacks, cancellation with cleanup, as_completed, wait with a timeout
import asyncio

async def tally(name, number):
    total = 0
    for step in range(1, number + 1):
        total += step * step
        print(f"{name}: step {step} of {number}, total so far {total}")
        await asyncio.sleep(0.5 * step)
    print(f"{name}: finished with {total}")
    return total

async def main():
    L = await asyncio.gather(
        tally("A", 2),
        tally("B", 3),
        tally("C", 4),
    )
    print(L)
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(tally("D", 2))
        t2 = tg.create_task(tally("E", 3))
    print(t1.result(), t2.result())
    cond = asyncio.Condition()
    results = []
    async def consumer(n):
        async with cond:
            await cond.wait()
            results.append(n)
    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*cs)
    print(results)
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            print("in", i, sem.locked())
            await asyncio.sleep(1)
    await asyncio.gather(*(limited(i) for i in range(5)))
    loop = asyncio.get_running_loop()
    def handler(loop, context):
        print("handler:", context["message"], repr(context.get("exception")))
    loop.set_exception_handler(handler)
    loop.call_soon(lambda: 1/0)
    await asyncio.sleep(0.1)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("done cb", f.result()))
    loop.call_later(0.5, fut.set_result, 42)
    print(await fut)
    async def cleanup_task():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("cleaning up")
            raise
        finally:
            print("finally")
    t = asyncio.create_task(cleanup_task())
    await asyncio.sleep(0.1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, t.cancelled())
    for coro in asyncio.as_completed([asyncio.sleep(0.3, "a"), asyncio.sleep(0.1, "b")]):
        print(await coro)
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.2, 'x')), asyncio.create_task(asyncio.sleep(1, 'y'))], timeout=0.5)
    print(len(done), len(pending))
    for p in pending: p.cancel()

asyncio.run(main())
