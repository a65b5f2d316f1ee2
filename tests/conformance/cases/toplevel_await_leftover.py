# a top-level-await module that ends with a task still sleeping: the task is cancelled at shutdown
import asyncio


async def ticker():
    try:
        for i in range(10):
            print("tick", i)
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("ticker cancelled")
        raise


asyncio.create_task(ticker())
await asyncio.sleep(2.5)
print("module body ends")
