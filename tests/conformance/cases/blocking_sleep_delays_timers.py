# a timer that falls due during time.sleep fires late, right after the blocking call returns
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, lambda: print("timer due at 0.5 fired at", loop.time()))
    await asyncio.sleep(0)
    time.sleep(1.25)
    print("blocking sleep over at", loop.time())
    await asyncio.sleep(0)
    print("main continues")
    try:
        time.sleep(-1)
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
