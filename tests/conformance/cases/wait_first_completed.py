# wait(FIRST_COMPLETED) returns as soon as one task is done; the rest stay pending
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def main():
    tasks = [asyncio.create_task(job(d), name=f"job{d}") for d in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    for task in pending:
        task.cancel()
    await asyncio.sleep(0)
    print("cancelled:", [task.cancelled() for task in tasks])


asyncio.run(main())
