# With tracemalloc tracing, a never-awaited coroutine's warning says where it was allocated (the innermost frame); not tracing, the hint; stop() and clear_traces() forget traces
import asyncio
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start()


async def forgotten():
    await asyncio.sleep(1)


def helper():
    return forgotten()


async def main():
    forgotten()
    helper()
    asyncio.sleep(2)
    await asyncio.sleep(0.1)
    print(tracemalloc.is_tracing())


asyncio.run(main())
keep = forgotten()
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
forgotten()
print(tracemalloc.is_tracing())
tracemalloc.start(3)
tracemalloc.start(7)
print(tracemalloc.get_traceback_limit())
tracemalloc.clear_traces()
del keep
tracemalloc.stop()
tracemalloc.start()
for bad in (0, 65536, "x"):
    try:
        tracemalloc.start(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    tracemalloc.start(nframe=2)
except TypeError as e:
    print(e)
last = forgotten()
