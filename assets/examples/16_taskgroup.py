# TaskGroup: when one task fails, its siblings are cancelled and the errors arrive together
import asyncio


async def check(name, seconds, ok=True):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if not ok:
        raise ConnectionError(f"{name} is down")
    print(f"{name}: ok")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(check("database", 1))
            group.create_task(check("cache", 2, ok=False))
            group.create_task(check("mail server", 3))
    except ExceptionGroup as errors:
        print("the group failed:", errors)
        for error in errors.exceptions:
            print("  -", repr(error))


asyncio.run(main())
