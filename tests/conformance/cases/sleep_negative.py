# a negative asyncio.sleep behaves like sleep(0); the clock does not go back
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    await asyncio.sleep(-5)
    print("after sleep(-5):", loop.time())
    await asyncio.sleep(-0.001, result="ok")
    print("still", loop.time())


asyncio.run(main())
