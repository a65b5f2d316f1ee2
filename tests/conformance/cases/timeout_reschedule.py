# timeout(None) never fires until rescheduled; reschedule moves the deadline
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 0.5)
            print("rescheduled to", cm.when())
            await asyncio.sleep(3)
    except TimeoutError:
        print("timed out at", loop.time())
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 2)
            await asyncio.sleep(1.5)
            print("survived past the original deadline at", loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", loop.time())


asyncio.run(main())
