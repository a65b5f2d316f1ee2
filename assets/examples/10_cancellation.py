# Cancellation: cancel() throws CancelledError into a task, which can clean up in finally
import asyncio


async def heartbeat():
    beats = 0
    try:
        while True:
            beats += 1
            print("beat", beats)
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("heartbeat: cancelled!")
        raise
    finally:
        print(f"heartbeat: cleaning up after {beats} beats")


async def main():
    task = asyncio.create_task(heartbeat())
    await asyncio.sleep(3.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task is cancelled:", task.cancelled())


asyncio.run(main())
