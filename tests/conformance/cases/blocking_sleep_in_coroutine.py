# time.sleep inside a coroutine blocks the whole loop: the other task cannot run meanwhile
import asyncio
import time


async def blocker():
    print("blocker: time.sleep(2)")
    time.sleep(2)
    print("blocker: awake")


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.5)


async def main():
    await asyncio.gather(ticker(), blocker())
    print("total", asyncio.get_running_loop().time())


asyncio.run(main())
