# frame objects from sys._getframe and inspect.currentframe have f_locals (refreshed while the frame runs, names exec adds kept) and f_globals, as debug helpers read their caller's variables
import sys, inspect, asyncio
def show(**kw):
    caller = sys._getframe(1)
    print(sorted(caller.f_locals), caller.f_globals["__name__"], caller.f_code.co_name)
def f(a, b=2):
    c = a + b
    def inner():
        return c
    show()
    frame = inspect.currentframe()
    print(frame.f_locals["c"], "frame" in frame.f_locals, frame.f_back.f_code.co_name)
    return inner
f(1)
g = 5
print(sys._getframe().f_locals is globals(), sys._getframe().f_locals["g"])
class K:
    x = 1
    print(sorted(sys._getframe().f_locals))
async def main():
    v = 3
    print(inspect.currentframe().f_locals)
asyncio.run(main())
def debug_vars():
    """Print the caller's variables, like a logging helper."""
    f = inspect.currentframe().f_back
    print(", ".join(f"{k}={v!r}" for k, v in f.f_locals.items()))
def work(n, label="x"):
    total = n * 2
    debug_vars()
work(4)
