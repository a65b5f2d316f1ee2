# Sets of strings and ints print in CPython's hash-table order
# (PYTHONHASHSEED=0), here filled by tasks finishing at different times.
import asyncio

finished = set()
seen_ticks = set()


async def worker(name, delay):
    await asyncio.sleep(delay)
    finished.add(name)
    seen_ticks.add(round(asyncio.get_running_loop().time() * 10))
    print(f"{name} done, finished={finished}")
    return name.upper()


async def main():
    names = ["fetch", "parse", "store", "index", "notify", "cleanup", "report"]
    results = await asyncio.gather(
        *(worker(n, 0.1 * (i % 3 + 1)) for i, n in enumerate(names))
    )
    print("results as a set:", set(results))
    print("ticks:", seen_ticks)
    pending = set(names) - finished
    print("pending:", pending, "all:", finished | {"extra"})
    while finished:
        print("popped", finished.pop(), "left", finished)
        await asyncio.sleep(0)


asyncio.run(main())
