# Task.print_stack(): header via print() (stdout), frames via traceback.print_list (stderr), a failed task's traceback and last line.
import asyncio
import sys


def traced(func):
    return func


async def fetch(n):
    await asyncio.sleep(n)
    if n > 1:
        raise LookupError(f"page {n} missing")
    return n * 10


@traced
async def crawl(n):
    page = await fetch(n)
    return page + 1


async def main():
    ok = asyncio.create_task(crawl(1), name="ok")
    bad = asyncio.create_task(crawl(2), name="bad")
    ok.print_stack()
    await asyncio.sleep(0.5)
    ok.print_stack(file=sys.stdout)
    bad.print_stack(limit=0)
    asyncio.current_task().print_stack()
    done = await asyncio.gather(ok, bad, return_exceptions=True)
    print("gathered", done)
    ok.print_stack()
    bad.print_stack(file=sys.stdout)
    try:
        await bad
    except LookupError as e:
        print("caught", e)
        bad.print_stack()
        bad.print_stack(limit=1, file=sys.stdout)
    gone = asyncio.create_task(crawl(3), name="gone")
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.sleep(0)
    gone.print_stack()


asyncio.run(main())
