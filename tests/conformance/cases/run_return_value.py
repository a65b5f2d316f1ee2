# asyncio.run returns the coroutine's value; a second asyncio.run starts a fresh loop but task numbers continue
import asyncio


async def add(a, b):
    print("main task is", asyncio.current_task().get_name())
    await asyncio.sleep(0.5)
    return a + b


first = asyncio.run(add(2, 3))
print("first:", first)
second = asyncio.run(add(10, 20))
print("second:", second)
