import asyncio


async def main():
    await asyncio.sleep(1) print("after")


asyncio.run(main())
