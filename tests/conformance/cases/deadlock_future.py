# awaiting a Future that nobody will ever resolve: nothing can run, a deadlock (status 3)
import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    print("waiting for a result that never comes")
    await future
    print("not reached")


asyncio.run(main())
