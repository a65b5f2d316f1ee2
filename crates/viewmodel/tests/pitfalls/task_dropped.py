# create_task's result thrown away: only the loop's weak reference keeps the tasks
import asyncio


async def ping(n):
    await asyncio.sleep(n / 10)
    print("ping", n)


async def main():
    for n in range(3):
        asyncio.create_task(ping(n))
    await asyncio.sleep(1)


asyncio.run(main())
