# A module whose only asynchronous statement is a top-level `async with` runs as a coroutine.
import asyncio

lock = asyncio.Lock()
print("before:", lock.locked())
async with lock:
    print("inside:", lock.locked())
print("after:", lock.locked())
