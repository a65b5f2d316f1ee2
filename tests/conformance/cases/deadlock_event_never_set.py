# tasks waiting on an Event that is never set, while main waits for them: deadlock at t=2
import asyncio


async def waiter(event, name):
    await event.wait()
    print(name, "released")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in "ab"]
    await asyncio.sleep(2)
    print("forgot to call event.set()")
    await asyncio.gather(*tasks)


asyncio.run(main())
