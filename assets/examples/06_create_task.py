# create_task: schedule coroutines to run concurrently, then await their results
import asyncio


async def download(name, seconds):
    print(f"{name}: started")
    await asyncio.sleep(seconds)
    print(f"{name}: finished after {seconds} s")
    return f"{name}.zip"


async def main():
    first = asyncio.create_task(download("photos", 2))
    second = asyncio.create_task(download("music", 1), name="music-task")
    print("tasks created:", first.get_name(), second.get_name())
    print("nothing has started yet; main keeps running until it awaits")
    result1 = await first
    result2 = await second
    print("got", result1, "and", result2)


asyncio.run(main())
