# throw(CancelledError) into a hand-driven coroutine runs its handler; returning ends it with StopIteration
import asyncio


async def patient():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("I was cancelled!")
        return 111


coro = patient()
coro.send(None)
coro.send(None)
try:
    coro.throw(asyncio.CancelledError())
except StopIteration as stop:
    print("StopIteration with value", stop.value)
second = patient()
second.send(None)
second.close()
print("closed a suspended coroutine quietly")
