# the main task cancelled by a callback makes asyncio.run raise CancelledError (traceback, exit 1)
import asyncio


async def main():
    task = asyncio.current_task()
    asyncio.get_running_loop().call_later(1, task.cancel)
    print("main sleeps")
    await asyncio.sleep(5)


asyncio.run(main())
