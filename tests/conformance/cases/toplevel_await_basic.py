# notebook style: await at module level runs the whole module as the main task
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print("hello", name)
    return len(name)


print("module starts")
result = await greet("notebook", 1)
print("result", result)
print("the module runs as", asyncio.current_task().get_name())
