# main fails while another task sleeps: the leftover is cancelled before the traceback is printed
import asyncio


async def helper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("helper cancelled during shutdown")
        raise


async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(1)
    raise RuntimeError("main gave up")


asyncio.run(main())
