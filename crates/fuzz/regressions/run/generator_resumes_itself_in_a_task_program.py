# fuzz finding: "frame" panic when a generator that calls next() on a new copy of itself hit the recursion limit
import asyncio


async def waiter(name, future):
    try:
        await future
    except LookupError as error:
        print(f"{name} got {error!r}")
def g(n): yield next(g(n + 1))
next(g(0))


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    tasks = [asyncio.create_task(waiter(n, future)) for n in ("a", "b")]
    await asyncio.sleep(1)
    future.set_exception(KeyError("no such user"))
    await asyncio.gather(*tasks)
    print("exception():", repr(future.exception()))


asyncio.run(main())
