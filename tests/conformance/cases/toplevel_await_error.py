# an exception in a top-level-await module ends it with a traceback pointing at <module>
import asyncio


async def check(value):
    await asyncio.sleep(0.5)
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value


print(await check(3))
print(await check(-1))
