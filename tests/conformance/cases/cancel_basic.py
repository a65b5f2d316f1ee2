# task.cancel() raises CancelledError inside the task at its await; awaiting it raises CancelledError
import asyncio


async def worker():
    print("worker starts")
    await asyncio.sleep(10)
    print("not reached")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("cancel() returns", task.cancel())
    print("cancelled() right after cancel():", task.cancelled())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print("cancelled():", task.cancelled(), "done():", task.done())
    print("cancel() on a done task:", task.cancel())


asyncio.run(main())
