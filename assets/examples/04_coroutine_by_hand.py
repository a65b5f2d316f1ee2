# A coroutine by hand: calling an async function only creates a coroutine; send(None) runs it
import asyncio


async def add(a, b):
    print("add is running")
    return a + b


coro = add(20, 22)
print("created:", type(coro).__name__, "- nothing has run yet")
try:
    coro.send(None)  # what the event loop does for us
except StopIteration as stop:
    print("the coroutine returned", stop.value)


async def two_steps():
    print("step 1")
    await asyncio.sleep(0)  # suspends: send() returns here
    print("step 2")
    return "done"


coro = two_steps()
coro.send(None)
print("suspended between the steps")
try:
    coro.send(None)
except StopIteration as stop:
    print("finished with", stop.value)
