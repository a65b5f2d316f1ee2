# a leftover task that swallows the shutdown cancellation still gets to finish its work
import asyncio


async def saver():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("saver: cancelled, saving first")
        await asyncio.sleep(2)
        print("saver: saved")
        return "saved"


async def main():
    asyncio.create_task(saver())
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
print("after run")
