# graphlib.TopologicalSorter driving asyncio tasks, CycleError; errno's codes and errorcode (in CPython's order); os.strerror
import asyncio
import errno
import os
from graphlib import CycleError, TopologicalSorter

deps = {"deploy": {"build", "test"}, "test": {"build"}, "build": {"fetch"}, "docs": {"fetch"}, "fetch": set()}


async def run(name):
    await asyncio.sleep(len(name) / 10)
    print("ran", name)
    return name


async def main():
    print(list(TopologicalSorter(deps).static_order()))
    ts = TopologicalSorter(deps)
    ts.prepare()
    while ts.is_active():
        ready = ts.get_ready()
        print("ready:", sorted(ready))
        for done in await asyncio.gather(*(run(n) for n in sorted(ready))):
            ts.done(done)
    try:
        TopologicalSorter({"a": {"b"}, "b": {"a"}}).prepare()
    except CycleError as e:
        print("CycleError:", e.args)
    t2 = TopologicalSorter()
    t2.add("x", "y")
    t2.add("y")
    print(tuple(t2.static_order()), CycleError.__mro__[1].__name__)


asyncio.run(main())
print(errno.ENOENT, errno.errorcode[errno.ECONNREFUSED], list(errno.errorcode.items())[:6], len(errno.errorcode))
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[11], os.strerror(errno.ENOENT), os.strerror(0), os.strerror(999))
e = OSError(errno.ECONNREFUSED, os.strerror(errno.ECONNREFUSED))
print(type(e).__name__, e.errno, e)
print(sorted(n for n in dir(errno) if n.startswith("EC"))[:5])
try:
    os.strerror("x")
except TypeError as e:
    print("TypeError:", e)
