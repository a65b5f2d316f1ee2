# asyncio.Barrier: parties arrive at different times, all leave together with distinct indexes; parties, n_waiting, broken, repr, async with, reuse for a second round
import asyncio


def shown(b):
    head, _, rest = repr(b).partition(" at 0x")
    return head + rest[rest.index(" "):]


async def walker(b, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; waiting", b.n_waiting, shown(b))
    index = await b.wait()
    print(name, "passes with index", index, "draining:", shown(b))
    return index


async def with_block(b, name):
    async with b as index:
        print(name, "inside async with, index", index)
    return name


async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken, shown(b))
    print(type(b).__name__, type(b).__module__, type(b).__qualname__)
    results = await asyncio.gather(
        walker(b, "a", 0.1), walker(b, "b", 0.3), walker(b, "c", 0.2)
    )
    print("indexes", results, shown(b))
    # second round on the same barrier, with async with
    results = await asyncio.gather(*(with_block(b, n) for n in "xyz"))
    print(results, shown(b))
    single = asyncio.Barrier(1)
    print(await single.wait(), await single.wait(), shown(single))
    for bad in (0, -2):
        try:
            asyncio.Barrier(bad)
        except ValueError as e:
            print("ValueError:", e)
    print(asyncio.BrokenBarrierError.__mro__)
    print(asyncio.locks.Barrier is asyncio.Barrier,
          asyncio.exceptions.BrokenBarrierError is asyncio.BrokenBarrierError)


asyncio.run(main())
