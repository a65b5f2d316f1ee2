# gather wraps each bare coroutine in a new task (consuming Task-N numbers); tasks passed in are reused
import asyncio


async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    print(await asyncio.gather(who(), who()))
    existing = asyncio.create_task(who())
    print(await asyncio.gather(existing, who()))
    print(await asyncio.wait_for(who(), timeout=5))
    print(await who())


asyncio.run(main())
