# BoundedSemaphore raises ValueError when released more than acquired; a plain Semaphore just grows
import asyncio


async def main():
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain semaphore can now be acquired twice:", await plain.acquire(), await plain.acquire())
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
