# an async def function is a function; calling it makes a coroutine object, which must be awaited
import asyncio


async def f():
    return 123


print(type(f).__name__, asyncio.iscoroutinefunction(f), asyncio.iscoroutine(f))
coro = f()
print(type(coro).__name__, asyncio.iscoroutinefunction(coro), asyncio.iscoroutine(coro))
print(coro.__name__, coro.__qualname__)
print(asyncio.run(coro))
