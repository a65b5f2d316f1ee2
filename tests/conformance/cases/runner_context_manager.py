# asyncio.Runner: several run() calls on one loop and one context, get_loop(), task names across runs, a leftover task cancelled by close(), the loop closed and the event loop unset after the with block
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")


async def first():
    request.set("set in first")
    loop = asyncio.get_running_loop()
    print("first:", asyncio.current_task().get_name(), request.get())
    return loop


async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("leftover cancelled at", asyncio.get_running_loop().time())
        raise


async def second():
    print("second:", asyncio.current_task().get_name(), request.get())
    asyncio.create_task(forever(), name="leftover")
    await asyncio.sleep(0.5)
    return "second done"


with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(loop.is_running(), loop.is_closed(), loop.get_debug())
    print(runner.run(first()) is loop)
    print(runner.run(second()))
    print(asyncio.get_event_loop() is loop, runner.get_loop() is loop)
    print("outside the runs:", request.get())
print(loop.is_closed())
c = first()
try:
    runner.run(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
runner.close()
runner.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
