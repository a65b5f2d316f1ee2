# a task that is never awaited still runs while main is suspended
import asyncio


async def background(name):
    print(f"{name} starts")
    await asyncio.sleep(0.5)
    print(f"{name} finishes")


async def main():
    task = asyncio.create_task(background("bg"))
    print("main created the task; done:", task.done())
    await asyncio.sleep(1)
    print("main woke; done:", task.done())


asyncio.run(main())
