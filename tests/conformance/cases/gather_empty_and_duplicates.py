# gather() with no arguments gives []; the same task passed twice appears twice
import asyncio


async def value():
    await asyncio.sleep(0.1)
    print("value computed")
    return 5


async def main():
    print(await asyncio.gather())
    task = asyncio.create_task(value())
    print(await asyncio.gather(task, task, task))


asyncio.run(main())
