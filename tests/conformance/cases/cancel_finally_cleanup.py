# finally blocks run when a task is cancelled; the cleanup may even await
import asyncio


async def connection(name):
    print(f"{name}: open")
    try:
        await asyncio.sleep(5)
    finally:
        print(f"{name}: closing")
        await asyncio.sleep(0.25)
        print(f"{name}: closed")


async def main():
    tasks = [asyncio.create_task(connection(n)) for n in ("db", "cache")]
    await asyncio.sleep(1)
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
