# a task whose exception is never retrieved is logged when the task is destroyed
import asyncio


async def fails():
    await asyncio.sleep(0.5)
    raise ValueError("nobody looked at me")


async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("main finished without checking")


asyncio.run(main())
print("after asyncio.run")
