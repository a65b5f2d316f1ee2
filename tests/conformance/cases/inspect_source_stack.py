# inspect.getsource/getsourcelines of functions (decorated, multi-line), methods, classes and lambdas from the program's text, getframeinfo, and inspect.stack() with the loop's frames between the program's
import asyncio
import functools
import inspect

def helper():
    """Return caller info."""
    st = inspect.stack()
    return [(f.function, f.lineno) for f in st[:3]]

def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper

@deco
def decorated(x,
              y=(1,
                 2)):
    # a comment inside
    return [x,
            y]

class Shape:
    """A shape."""
    sides = 0

    def area(self):
        return 0  # none

    # trailing comment

square = lambda s: s * s

async def main():
    print(helper())
    print(inspect.getsource(helper))
    print(inspect.getsourcelines(helper)[1])
    print(inspect.getsource(decorated), end="")
    print(inspect.getsource(Shape.area), end="")
    print(inspect.getsource(Shape), end="")
    print(inspect.getsource(square), end="")
    print(inspect.getsourcefile(helper) == inspect.getfile(main))
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(info.function, info.lineno, info.code_context, info.index)
    print([(fi.function, fi.lineno) for fi in inspect.stack()[:2]], inspect.stack()[0].code_context)
    try:
        inspect.getsource(len)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0)

asyncio.run(main())
print(len(inspect.getsource(inspect.getmodule(main) if hasattr(inspect, "getmodule") else __import__("__main__")).splitlines()))
