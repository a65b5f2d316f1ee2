# cancelling the task that runs a TaskGroup cancels the children; after a child failure it is an ExceptionGroup
# (the children are cancelled in the order of a set of tasks, which CPython orders by their
# addresses, so they note their cancellation and main prints the notes sorted)
import asyncio

cancelled = []


async def job(name, delay, error=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        cancelled.append(name)
        print("a job is cancelled at", asyncio.get_running_loop().time())
        raise
    if error:
        raise error
    print(name, "done")


async def body():
    async with asyncio.TaskGroup() as group:
        group.create_task(job("failing", 1, ValueError("boom")))
        group.create_task(job("slow", 3))
        await job("body", 2)


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(body())
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled before the failure, at", loop.time(), sorted(cancelled))
        cancelled.clear()
    task = asyncio.create_task(body())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except ExceptionGroup as error:
        print("cancelled after the failure:", repr(error), "at", loop.time(), sorted(cancelled))


asyncio.run(main())
