# done(), cancelled(), result(), exception() and get_coro() over a task's life
import asyncio


async def compute(x):
    await asyncio.sleep(1)
    return x * 2


async def main():
    task = asyncio.create_task(compute(21))
    print("done?", task.done(), "cancelled?", task.cancelled())
    print("coroutine:", task.get_coro().__name__)
    try:
        task.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    await task
    print("done?", task.done(), "result:", task.result(), "exception:", task.exception())


asyncio.run(main())
