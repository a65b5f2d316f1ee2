# gather returns results in argument order, whatever the completion order
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name.upper()


async def main():
    results = await asyncio.gather(fetch("slow", 2), fetch("fast", 0.5), fetch("medium", 1))
    print(results)


asyncio.run(main())
