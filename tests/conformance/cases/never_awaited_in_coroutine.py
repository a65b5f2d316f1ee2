# calling a coroutine function without await does nothing and warns "was never awaited"
import asyncio


async def fetch_data():
    print("fetching (never printed)")
    await asyncio.sleep(2)


async def main():
    fetch_data()
    print("this prints immediately")
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
