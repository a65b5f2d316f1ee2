# A TaskGroup's done callback shows without a file.
import asyncio


async def sleeper(n):
    await asyncio.sleep(n)
    return n


async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(sleeper(0.5))
        print(repr(t))

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
