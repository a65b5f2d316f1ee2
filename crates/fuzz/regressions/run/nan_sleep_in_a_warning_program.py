# fuzz finding: a hang (asyncio.sleep(float("nan")) never fired and no limit stopped it)
import asyncio

import asyncio
asyncio.run(asyncio.sleep(float('nan')))

async def tick(n):
    print("tick", n)

async def main():
    for n in range(3):
        tick(n)
    print("loop finished")
    tick(99)
    await asyncio.sleep(0)


asyncio.run(main())
