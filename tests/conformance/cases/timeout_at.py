# asyncio.timeout_at takes an absolute loop time; a deadline in the past fires at the first await
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    try:
        async with asyncio.timeout_at(loop.time() + 2):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout_at fired at", loop.time())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("inside a block whose deadline has passed")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline fired at", loop.time())


asyncio.run(main())
