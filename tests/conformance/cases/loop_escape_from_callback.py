# SystemExit or KeyboardInterrupt raised by a loop callback is not logged: it stops the loop at once and leaves asyncio.run; callbacks still queued run while the runner shuts down
import asyncio
import sys


async def sleeper(label):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(label, "cancelled at shutdown")
        raise
    finally:
        print(label, "finally")


async def main(stopper, argument):
    loop = asyncio.get_running_loop()
    worker = asyncio.create_task(sleeper("worker"))
    await asyncio.sleep(0.25)
    loop.call_soon(stopper, argument)
    loop.call_soon(print, "queued behind the stopper")
    loop.call_later(0.5, print, "the timer fires only if nothing stopped the loop")
    await sleeper("main")
    print("main is never resumed", worker)


for stopper, argument in [(sys.exit, 4), (sys.exit, "text code"), (print, "no stop")]:
    try:
        asyncio.run(main(stopper, argument))
    except SystemExit as e:
        print("asyncio.run raised", repr(e), "code", repr(e.code))
    except KeyboardInterrupt:
        print("interrupted")
    print("---")


def interrupt():
    raise KeyboardInterrupt


async def ticking():
    asyncio.get_running_loop().call_later(0.1, interrupt)
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0.04)


try:
    asyncio.run(ticking())
except KeyboardInterrupt as e:
    print("KeyboardInterrupt reached the caller", repr(e))
