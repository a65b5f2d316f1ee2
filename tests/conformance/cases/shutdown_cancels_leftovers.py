# when main returns, asyncio.run cancels the tasks still pending; they may catch it and clean up
import asyncio


async def background(name, delay):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        await asyncio.sleep(delay)
        print(f"{name} cleaned up at shutdown")
        raise


async def main():
    for name, delay in (("logger", 0.2), ("poller", 0.1), ("cache", 0.3)):
        asyncio.create_task(background(name, delay))
    await asyncio.sleep(1)
    print("main returns")


asyncio.run(main())
print("asyncio.run returned")
