# asyncio's async def functions and methods (sleep, wait_for, Queue.get, Lock.acquire, ...) are coroutine functions to inspect and asyncio, so unittest.mock.patch makes an AsyncMock for them
import asyncio
import inspect
from unittest import mock

async def main():
    loop = asyncio.get_running_loop()
    q, lock, ev, cond, sem = asyncio.Queue(), asyncio.Lock(), asyncio.Event(), asyncio.Condition(), asyncio.Semaphore()
    named = {
        "sleep": asyncio.sleep, "wait_for": asyncio.wait_for, "wait": asyncio.wait,
        "gather": asyncio.gather, "create_task": asyncio.create_task, "shield": asyncio.shield,
        "q.get": q.get, "q.put": q.put, "q.join": q.join, "q.put_nowait": q.put_nowait,
        "lock.acquire": lock.acquire, "lock.release": lock.release, "lock.__aenter__": lock.__aenter__,
        "ev.wait": ev.wait, "ev.set": ev.set, "cond.wait": cond.wait, "cond.wait_for": cond.wait_for,
        "sem.acquire": sem.acquire, "loop.shutdown_asyncgens": loop.shutdown_asyncgens,
        "loop.run_in_executor": loop.run_in_executor, "timeout.__aenter__": asyncio.timeout(1).__aenter__,
    }
    for name, f in named.items():
        print(f"{name:24} {inspect.iscoroutinefunction(f)!s:5} {asyncio.iscoroutinefunction(f)}")
    with mock.patch("asyncio.sleep") as fake:
        print(type(fake).__name__)
        await asyncio.sleep(100)
        fake.assert_awaited_once_with(100)
        print("awaited:", fake.await_count)

asyncio.run(main())
