# concurrent.futures beside asyncio: executors made and shut down, a Future set by the program, the exceptions' classes
import asyncio
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


async def main():
    with ThreadPoolExecutor(max_workers=3) as pool:
        print(type(pool).__name__, pool._max_workers)
    print(ThreadPoolExecutor()._max_workers, ProcessPoolExecutor()._max_workers)
    for make in (ThreadPoolExecutor, ProcessPoolExecutor):
        try:
            make(max_workers=0)
        except ValueError as e:
            print("ValueError:", e)
    await asyncio.sleep(0.1)


asyncio.run(main())
f = cf.Future()
f.add_done_callback(lambda fut: print("done callback:", fut.result()))
print(f.done(), f.running(), f.cancelled())
f.set_result(42)
print(f.done(), f.result(), f.exception())
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print("InvalidStateError")
g = cf.Future()
g.set_exception(KeyError("k"))
print(repr(g.exception()))
h = cf.Future()
print(h.cancel(), h.cancelled(), h.cancel())
try:
    h.result()
except cf.CancelledError as e:
    print("CancelledError", type(e).__mro__[1].__name__)
try:
    cf.Future().result(timeout=0.5)
except cf.TimeoutError as e:
    print("TimeoutError", cf.TimeoutError is TimeoutError)
done, pending = cf.wait([f, g])
print(len(done), len(pending), sorted(x.done() for x in cf.as_completed([f, g])))
print(cf.FIRST_COMPLETED, cf.ALL_COMPLETED, cf.FIRST_EXCEPTION)
print(cf.CancelledError.__module__, ThreadPoolExecutor.__module__, issubclass(cf.BrokenExecutor, RuntimeError))
