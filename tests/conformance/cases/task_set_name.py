# set_name renames a task; names need not be strings
import asyncio


async def job():
    await asyncio.sleep(0.5)
    print("I am", asyncio.current_task().get_name())


async def main():
    task = asyncio.create_task(job())
    print("before:", task.get_name())
    task.set_name("renamed")
    print("after:", task.get_name())
    other = asyncio.create_task(job(), name=42)
    print("non-string name:", repr(other.get_name()))
    await task
    await other


asyncio.run(main())
