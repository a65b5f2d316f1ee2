# a coroutine in the list a learner passes to gather() (unhashable) is held by the uncaught exception's traceback: "never awaited" comes at shutdown (sys:1), after the traceback
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    print("starting")
    results = await asyncio.gather([job(1), job(2)])
    print(results)

asyncio.run(main())
