# async with asyncio.timeout(): the block is cancelled at the deadline and TimeoutError raised outside it
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.5) as cm:
            print("deadline", cm.when())
            await asyncio.sleep(1)
            print("first sleep done")
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("TimeoutError at", loop.time(), "expired:", cm.expired())
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print("in time; expired:", cm.expired())


asyncio.run(main())
