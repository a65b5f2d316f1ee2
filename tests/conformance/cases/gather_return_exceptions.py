# gather(return_exceptions=True) puts exceptions in the result list instead of raising
import asyncio


async def ok(x):
    await asyncio.sleep(x)
    return x


async def bad(x):
    await asyncio.sleep(x)
    raise ValueError(f"bad {x}")


async def main():
    results = await asyncio.gather(ok(1), bad(0.5), ok(0.2), bad(2), return_exceptions=True)
    for result in results:
        print(type(result).__name__, repr(result))


asyncio.run(main())
