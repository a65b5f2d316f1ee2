# Two tasks that await each other: a circle of awaits never ends
import asyncio

tasks = {}


async def wait_for_other(me, other):
    await asyncio.sleep(0.1)
    print(me, "awaits", other)
    await tasks[other]


async def main():
    tasks["ping"] = asyncio.create_task(wait_for_other("ping", "pong"), name="ping")
    tasks["pong"] = asyncio.create_task(wait_for_other("pong", "ping"), name="pong")
    await tasks["ping"]


asyncio.run(main())
