# wait_for around shield: the timeout fires but the shielded work carries on
import asyncio


async def backup():
    await asyncio.sleep(3)
    print("backup complete")
    return "ok"


async def main():
    task = asyncio.create_task(backup())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=1)
    except TimeoutError:
        print("gave up waiting at", asyncio.get_running_loop().time())
    print("still running:", not task.done())
    print(await task)


asyncio.run(main())
