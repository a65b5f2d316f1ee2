# A task fails and nobody awaits it: its exception is only logged when it is destroyed
import asyncio


async def parse(text):
    await asyncio.sleep(0.5)
    return int(text)


async def main():
    job = asyncio.create_task(parse("forty-two"))
    await asyncio.sleep(1)
    print("main never looked at", job.get_name())


asyncio.run(main())
