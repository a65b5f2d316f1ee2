# as_completed yields awaitables in completion order
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    tasks = [asyncio.create_task(fetch(name, delay)) for name, delay in (("a", 3), ("b", 1), ("c", 2))]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        print(result)


asyncio.run(main())
