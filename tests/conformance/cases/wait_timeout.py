# wait(timeout=...) returns what is done so far and does not cancel the pending tasks
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    print(f"job {delay} done")


async def main():
    tasks = [asyncio.create_task(job(d), name=f"job{d}") for d in (0.5, 1.5, 2.5)]
    done, pending = await asyncio.wait(tasks, timeout=1)
    print("after timeout:", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(tasks, timeout=10)
    print("finally:", len(done), len(pending))


asyncio.run(main())
