# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# One by one, as tasks, with gather: the same four jobs: awaiting each in turn adds their times up; tasks and gather overlap them
import asyncio


async def job(name, seconds):
    """One piece of work that waits seconds."""
    print(f"{name} starts")
    await asyncio.sleep(seconds)
    print(f"{name} done after {seconds} s")


async def main():
    await asyncio.gather(job("download", 3), job("resize", 1), job("upload", 4), job("notify", 2))
    print("all four jobs are done")


asyncio.run(main())
