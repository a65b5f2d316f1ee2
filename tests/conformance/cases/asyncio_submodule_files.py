# asyncio's submodules name CPython's files in their repr and __file__.
import asyncio

print(repr(asyncio.tasks))
print(asyncio.runners.__file__)
print(asyncio.futures.__name__, asyncio.futures.wrap_future is asyncio.wrap_future)
