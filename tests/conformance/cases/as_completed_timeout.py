# as_completed(timeout=...) raises TimeoutError for the results not ready in time
import asyncio


async def fetch(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = [asyncio.create_task(fetch(d)) for d in (0.5, 4, 1)]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=2):
            print("got", await next_done)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    print("slow task still running:", not tasks[1].done())
    tasks[1].cancel()


asyncio.run(main())
