# a coroutine kept in a variable warns only when the last reference goes away
import asyncio


async def job():
    return 1


async def main():
    pending = job()
    print("created, still referenced")
    await asyncio.sleep(1)
    print("dropping it now")
    pending = None
    print("dropped")


asyncio.run(main())
