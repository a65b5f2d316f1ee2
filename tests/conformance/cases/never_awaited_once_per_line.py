# the never-awaited warning is shown once per source line, even when the line runs many times
import asyncio


async def tick(n):
    print("tick", n)


async def main():
    for n in range(3):
        tick(n)
    print("loop finished")
    tick(99)
    await asyncio.sleep(0)


asyncio.run(main())
