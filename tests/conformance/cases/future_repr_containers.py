# A finished future's repr shows its result through reprlib's limits: frozensets, sets, nesting.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for result in [frozenset(), frozenset({3, 1, 2}), frozenset(range(10)), set(),
                   {5, 4}, [frozenset({"b", "a"})], ({1: frozenset({1})},),
                   frozenset({(1, 2)}), [[[[[[[1]]]]]]], [[[[[[frozenset({1})]]]]]]]:
        fut = loop.create_future()
        fut.set_result(result)
        print(repr(fut))


asyncio.run(main())
