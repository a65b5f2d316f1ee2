# A task takes a lock it already holds: it waits for itself
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        async with lock:
            print("never")


asyncio.run(main())
