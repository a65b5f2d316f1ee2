# get_event_loop at top level creates and keeps one loop; after asyncio.run there is none left
import asyncio


async def f():
    await asyncio.sleep(0.5)
    return 111


loop = asyncio.get_event_loop()
print("same loop twice:", loop is asyncio.get_event_loop())
print(loop.run_until_complete(f()))
asyncio.run(f())
try:
    asyncio.get_event_loop()
except RuntimeError as error:
    print("RuntimeError:", error)
loop.close()
