# sleeps longer than a day: the loop waits at most 86400 s at a time; the clock still lands on time
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(100000)
    print("after 100000 s:", loop.time())
    await asyncio.sleep(2.5 * 86400)
    print("after 2.5 more days:", loop.time())


asyncio.run(main())
