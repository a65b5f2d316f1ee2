# call_at with the current time or a past time runs on the next loop iteration, after call_soon callbacks
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.3)
    now = loop.time()
    loop.call_at(now, print, "call_at(now)")
    loop.call_at(now - 10, print, "call_at(past)")
    loop.call_soon(print, "call_soon")
    loop.call_at(now + 0.2, print, "call_at(now + 0.2)")
    print("scheduled at", repr(now))
    await asyncio.sleep(0.5)
    print("done at", repr(loop.time()))


asyncio.run(main())
