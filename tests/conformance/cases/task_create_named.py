# create_task(name=...) names a task; unnamed tasks are Task-N, and named ones still use up a number
import asyncio


async def job():
    task = asyncio.current_task()
    print("running", task.get_name())
    await asyncio.sleep(0.1)


async def main():
    print("main is", asyncio.current_task().get_name())
    first = asyncio.create_task(job())
    named = asyncio.create_task(job(), name="downloader")
    third = asyncio.create_task(job())
    print([t.get_name() for t in (first, named, third)])
    await asyncio.gather(first, named, third)


asyncio.run(main())
