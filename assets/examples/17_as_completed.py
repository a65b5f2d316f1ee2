# as_completed: handle each result as soon as it is ready, fastest first
import asyncio


async def ask(server, seconds):
    await asyncio.sleep(seconds)
    return f"{server} answered in {seconds} s"


async def main():
    tasks = [
        asyncio.create_task(ask("tokyo", 3)),
        asyncio.create_task(ask("paris", 1)),
        asyncio.create_task(ask("lima", 2)),
    ]
    for earliest in asyncio.as_completed(tasks):
        print(await earliest)


asyncio.run(main())
