# await chain: a task three awaits deep resumes in its innermost coroutine, then returns up the chain
import asyncio


async def fetch():
    await asyncio.sleep(1)
    return 5


async def parse():
    return await fetch() * 2


async def handle():
    value = await parse()
    print(value)


async def main():
    await handle()
    await asyncio.sleep(0)


asyncio.run(main())
