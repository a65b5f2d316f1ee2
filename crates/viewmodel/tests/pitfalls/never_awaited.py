# Calling a coroutine function without await: the coroutine never runs
import asyncio


async def send_report():
    await asyncio.sleep(1)
    print("report sent")


async def main():
    send_report()
    await asyncio.sleep(2)
    print("main is done")


asyncio.run(main())
