# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# One by one, as tasks, with gather: the same four jobs: awaiting each in turn adds their times up; tasks and gather overlap them
import asyncio


async def job(name, seconds):
    """One piece of work that waits seconds."""
    print(f"{name} starts")
    await asyncio.sleep(seconds)
    print(f"{name} done after {seconds} s")


async def main():
    download_task = asyncio.create_task(job("download", 3))
    resize_task = asyncio.create_task(job("resize", 1))
    upload_task = asyncio.create_task(job("upload", 4))
    notify_task = asyncio.create_task(job("notify", 2))
    await download_task
    await resize_task
    await upload_task
    await notify_task
    print("all four jobs are done")


asyncio.run(main())
