# new_event_loop + run_until_complete + close; a closed loop refuses to run
import asyncio


async def square(x):
    await asyncio.sleep(1)
    return x * x


loop = asyncio.new_event_loop()
print("running?", loop.is_running(), "closed?", loop.is_closed())
print(loop.run_until_complete(square(4)))
print(loop.run_until_complete(square(5)), loop.time())
loop.close()
print("closed?", loop.is_closed())
coro = square(6)
try:
    loop.run_until_complete(coro)
except RuntimeError as error:
    print("RuntimeError:", error)
coro.close()
