# without return_exceptions the first error propagates at once; the other children keep running
import asyncio


async def worker(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    print(f"{name} completed")
    return name


async def main():
    try:
        await asyncio.gather(worker("a", 1), worker("b", 0.5, fail=True), worker("c", 2))
    except RuntimeError as error:
        print("caught:", error)
    await asyncio.sleep(3)
    print("main done")


asyncio.run(main())
