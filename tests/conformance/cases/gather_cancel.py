# cancelling a gather cancels every child still running
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    group = asyncio.gather(child("quick", 0.5), child("slow1", 5), child("slow2", 6))
    await asyncio.sleep(1)
    print("cancel returns", group.cancel())
    try:
        await group
    except asyncio.CancelledError:
        print("gather raised CancelledError; cancelled():", group.cancelled())


asyncio.run(main())
