# async comprehensions and generator expressions, aiter() and anext() with and without a default
import asyncio

class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await asyncio.sleep(0.01)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

class Bad1:
    pass

class Bad2:
    def __aiter__(self):
        return 42

class Bad3:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

async def agen(n):
    for i in range(n):
        yield i

async def main():
    print([x async for x in agen(4)])
    print({x % 2 async for x in agen(4)})
    print({x: x * x async for x in agen(3)})
    print([x + y async for x in agen(2) for y in range(2)])
    print([x + y for x in range(2) async for y in agen(2)])
    print([await asyncio.sleep(0, x) for x in range(3)])
    print([y async for x in agen(3) if x % 2 == 0 async for y in agen(x + 1)])
    ge = (x * 2 async for x in agen(3))
    print(type(ge).__name__, ge.__name__, ge.__qualname__)
    print([v async for v in ge])
    ge2 = (await asyncio.sleep(0, x) for x in range(2))
    print(type(ge2).__name__, [v async for v in ge2])
    try:
        print(aiter(3))
    except TypeError as e:
        print(e)
    try:
        print(aiter(Bad2()))
    except TypeError as e:
        print(e)
    try:
        anext(3)
    except TypeError as e:
        print(e)
    it = aiter(Counter(1))
    print(await anext(it), await anext(it, "dflt"), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("stop")
    g = agen(1)
    print(await anext(g, 'x'), await anext(g, 'x'), await anext(g, 'y'))

asyncio.run(main())
