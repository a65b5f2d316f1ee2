# wait(FIRST_EXCEPTION) returns when a task raises; wait itself does not raise
import asyncio


async def job(delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"job {delay} failed")
    return delay


async def main():
    tasks = [asyncio.create_task(job(d, d == 2), name=f"job{d}") for d in (1, 2, 3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in sorted(done, key=lambda t: t.get_name()):
        print(task.get_name(), "exception:", repr(task.exception()))
    print("pending:", sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)
    print("all finished at", asyncio.get_running_loop().time())


asyncio.run(main())
