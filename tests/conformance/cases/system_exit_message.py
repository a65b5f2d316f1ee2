# SystemExit with a message in the main coroutine: the message goes to stderr, status 1, no traceback
import asyncio


async def worker(name):
    await asyncio.sleep(0.5)
    print(f"{name} gives up")
    return f"bye from {name}"


async def main():
    print("start")
    farewell = await asyncio.create_task(worker("w1"))
    raise SystemExit(farewell)


asyncio.run(main())
