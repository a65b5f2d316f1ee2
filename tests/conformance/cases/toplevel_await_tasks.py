# top-level await with create_task and gather; module-level tasks are numbered after the module's Task-1
import asyncio


async def count(name):
    print(name, "one")
    await asyncio.sleep(1)
    print(name, "two")
    return name


task = asyncio.create_task(count("first"))
print("task name:", task.get_name())
results = await asyncio.gather(count("second"), count("third"))
print(results, await task)
