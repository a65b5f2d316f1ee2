# call_soon callbacks run in FIFO order; callbacks scheduled by a callback run on the next iteration
import asyncio


def callback(label, loop):
    print("run", label)
    if label == "first":
        loop.call_soon(print, "scheduled by first")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, "first", loop)
    loop.call_soon(callback, "second", loop)
    handle = loop.call_soon(callback, "third", loop)
    handle.cancel()
    print("main yields")
    await asyncio.sleep(0)
    print("main back")
    await asyncio.sleep(0)
    print("main back again")


asyncio.run(main())
