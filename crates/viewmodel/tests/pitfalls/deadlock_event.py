# Waiting on an event nobody sets: nothing can ever wake the waiter
import asyncio


async def main():
    ready = asyncio.Event()
    print("waiting for the signal")
    await ready.wait()


asyncio.run(main())
