# A gather of a task, a coroutine and another gather: main awaits the outer gather
import asyncio


async def pause(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    early = asyncio.create_task(pause("early", 1), name="early")
    inner = asyncio.gather(pause("a", 2), pause("b", 3))
    results = await asyncio.gather(early, pause("late", 4), inner)
    print(results)


asyncio.run(main())
