# cancel(msg) passes the message to the CancelledError seen inside and outside the task
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as error:
        print("inside:", error.args)
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    task.cancel(msg="shutting down")
    try:
        await task
    except asyncio.CancelledError as error:
        print("outside:", error.args)


asyncio.run(main())
