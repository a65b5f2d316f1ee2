# loop.run_in_executor with the default executor and with a ThreadPoolExecutor whose max_workers limits how many blocking calls run at once
import asyncio
import concurrent.futures
import threading
import time


def fetch(n):
    start = time.monotonic()
    print(f"fetch {n} starts on {threading.current_thread().name} at {start:.1f}")
    time.sleep(1)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, fetch, 7))
    print(await loop.run_in_executor(None, time.sleep, 0.5))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, fetch, i) for i in range(5)]
        print(type(futures[0]).__name__, futures[0].done())
        for fut in asyncio.as_completed(futures):
            print("result", await fut, "at", loop.time())
    with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="dl") as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, fetch, i) for i in range(4)))
        print(results, loop.time())


asyncio.run(main())
