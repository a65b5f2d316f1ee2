import asyncio

async def fetch(url):
    await asyncio.sleep(1)
    return url

async def main():
    result = await fetch("x")
    results = await asyncio.gather(*(fetch(u) for u in urls))
    async with lock:
        pass
    async with a as b, c as d:
        pass
    async for item in stream():
        print(item)
    else:
        pass
    await asyncio.wait_for(fetch("y"), timeout=1.0)
    x = await y
    return await z

asyncio.run(main())
