# a pending task that nothing refers to, waiting through wait_for, wait, as_completed, gather, shield or a queue, or holding itself in its context, is collected and reported; many of them keep memory bounded
import asyncio
import contextvars
import gc

me = contextvars.ContextVar("me")


async def waiter(kind, fut):
    if kind == "wait_for":
        await asyncio.wait_for(fut, None)
    elif kind == "wait":
        await asyncio.wait([fut])
    elif kind == "as_completed":
        for f in asyncio.as_completed([fut]):
            await f
    elif kind == "gather":
        await asyncio.gather(fut, fut)
    elif kind == "shield":
        await asyncio.shield(fut)
    elif kind == "queue":
        await fut.get()
    elif kind == "context":
        me.set(asyncio.current_task())
        await fut


async def finisher(kind, fut):
    if kind == "wait_for":
        result = await asyncio.wait_for(fut, None)
    elif kind == "wait":
        done, pending = await asyncio.wait([fut])
        result = done.pop().result()
    elif kind == "as_completed":
        for f in asyncio.as_completed([fut], timeout=100):
            result = await f
    elif kind == "gather":
        result = await asyncio.gather(fut, fut)
    elif kind == "shield":
        result = await asyncio.shield(fut)
    elif kind == "queue":
        result = await fut.get()
    elif kind == "context":
        me.set(asyncio.current_task())
        result = await fut
    print(kind, "got", result)


KINDS = ["wait_for", "wait", "as_completed", "gather", "shield", "queue", "context"]


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, context: print(context["message"], context["task"].get_name()))
    for kind in KINDS:
        fut = asyncio.Queue() if kind == "queue" else loop.create_future()
        asyncio.create_task(waiter(kind, fut), name=f"(waiting through {kind})")
        await asyncio.sleep(0)
        del fut
        print(kind, "collected:", gc.collect() > 0, "tasks:", len(asyncio.all_tasks()))
    # Alive through the loop's timers only: collections keep them.
    for i, kind in enumerate(KINDS):
        fut = asyncio.Queue() if kind == "queue" else loop.create_future()
        asyncio.create_task(finisher(kind, fut))
        loop.call_later(1 + i, fut.put_nowait if kind == "queue" else fut.set_result, kind.upper())
        del fut
    await asyncio.sleep(0.5)
    print("collected while waiting:", gc.collect())
    await asyncio.sleep(len(KINDS))
    reports = []
    loop.set_exception_handler(lambda loop, context: reports.append(context["task"].get_name()))
    for kind in KINDS:
        for _ in range(1000):
            fut = asyncio.Queue() if kind == "queue" else loop.create_future()
            asyncio.create_task(waiter(kind, fut), name=kind)
            await asyncio.sleep(0)
            del fut
        gc.collect()
        print(kind, "reports:", reports.count(kind), "tasks:", len(asyncio.all_tasks()))


asyncio.run(main())
