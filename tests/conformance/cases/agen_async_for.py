# async for: class-based async iterators, else/break/continue, nesting, and CPython's TypeErrors
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
    async for x in Counter(3):
        print("counter", x)
    else:
        print("else ran")
    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        print("loop", x)
    else:
        print("not printed")
    async for a in agen(2):
        async for b in agen(2):
            print("nested", a, b)
    for bad in (Bad1(), Bad2(), Bad3(), 3):
        try:
            async for x in bad:
                pass
        except TypeError as e:
            print("TypeError:", e, "| cause:", repr(e.__cause__))

asyncio.run(main())
