# asyncio.Lock is not reentrant: acquiring it again in the same task waits forever (deadlock)
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("got the lock once", end="; ")
        async with lock:
            print("never")


asyncio.run(main())
