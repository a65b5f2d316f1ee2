# an exception in a call_soon callback is logged by the loop, which keeps running
import asyncio


def broken(x):
    print("broken callback runs")
    return 1 / x


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(broken, 0)
    await asyncio.sleep(1)
    print("the loop survived")


asyncio.run(main())
