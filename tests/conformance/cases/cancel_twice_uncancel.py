# cancel() twice counts two requests; cancelling() reports them and uncancel() takes one back
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        print("cancelling():", task.cancelling())
        print("uncancel() ->", task.uncancel())
        print("uncancel() ->", task.uncancel())
        return "recovered"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print(task.cancel(), task.cancel())
    print(await task, task.cancelled())


asyncio.run(main())
