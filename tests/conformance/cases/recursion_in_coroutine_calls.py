# Calling a coroutine function at the recursion limit raises RecursionError and makes no coroutine: none is left never awaited
import asyncio
import inspect

made = []


async def leaf():
    return 1


async def depth(n):
    c = leaf()
    made.append(c)
    r = await c
    if n == 0:
        return r
    return r + await depth(n - 1)


def gen_depth(n):
    yield n
    if n:
        yield from gen_depth(n - 1)


async def main():
    try:
        await depth(100000)
    except RecursionError as e:
        print("RecursionError:", e)
    print(await depth(10))
    print(sorted(set(inspect.getcoroutinestate(c) for c in made)))
    try:
        sum(gen_depth(100000))
    except RecursionError as e:
        print("generators:", e)
    print(sum(gen_depth(20)))


asyncio.run(main())
