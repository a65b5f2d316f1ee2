# call_later callbacks fire by deadline; a cancelled TimerHandle never fires
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, print, "two")
    loop.call_later(0.5, print, "half")
    cancelled = loop.call_later(1, print, "one (cancelled)")
    loop.call_later(1, print, "one")
    print("when:", cancelled.when())
    cancelled.cancel()
    print("cancelled():", cancelled.cancelled())
    await asyncio.sleep(3)
    print("done", loop.time())


asyncio.run(main())
