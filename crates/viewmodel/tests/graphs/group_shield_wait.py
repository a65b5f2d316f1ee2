# A TaskGroup, shield, wait_for and wait(FIRST_COMPLETED): the futures between awaiter and awaited
import asyncio


async def pause(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(pause(1), name="one")
        group.create_task(pause(2), name="two")
    await asyncio.shield(pause(1))
    await asyncio.wait_for(pause(1), timeout=5)
    quick = asyncio.create_task(pause(1), name="quick")
    slow = asyncio.create_task(pause(3), name="slow")
    done, pending = await asyncio.wait([quick, slow], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    slow.cancel()


asyncio.run(main())
