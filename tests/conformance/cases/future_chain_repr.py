# A chain of futures, each the result of the next: the repr keeps 13 characters and 14 of what each result shows, at any depth
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(300)]
    for i in range(len(futs) - 1):
        futs[i].add_done_callback(lambda f, nxt=futs[i + 1]: nxt.set_result(f))
    futs[0].set_result(0)
    await futs[-1]
    for k in (0, 1, 2, 3, 10, 14, 15, 16, 23, 24, 25, 26, 60, 299):
        print(k, repr(futs[k]))
    print(repr([futs[40], (futs[41],)]))
    print(f"{futs[299]!r:.60}")


asyncio.run(main())
