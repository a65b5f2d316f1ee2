# Event: waiters block until set(); they wake in waiting order; clear() re-arms it
import asyncio


async def waiter(name, event):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} released")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("x", "y", "z")]
    await asyncio.sleep(1)
    print("is_set before:", event.is_set())
    event.set()
    print("is_set after:", event.is_set())
    await asyncio.gather(*tasks)
    print("wait on a set event returns", await event.wait())
    event.clear()
    print("cleared:", event.is_set())


asyncio.run(main())
