# sending None into a coroutine that awaits sleep(0) suspends it once per sleep(0), like the loop does
import asyncio


async def steps():
    print("step 1")
    await asyncio.sleep(0)
    print("step 2")
    await asyncio.sleep(0)
    print("step 3")
    return "done"


coro = steps()
print("send ->", coro.send(None))
print("send ->", coro.send(None))
try:
    coro.send(None)
except StopIteration as stop:
    print("finished with", stop.value)
