# sys._getframe and inspect.currentframe: the caller's name and line for log helpers, f_back chains; inspect.getdoc and cleandoc
import asyncio
import inspect
import sys


def log(msg):
    caller = sys._getframe(1)
    print(f"[{caller.f_code.co_name}:{caller.f_lineno}] {msg}")


class Worker:
    """A worker.

        Indented more.
    """

    async def run(self, n):
        log(f"running {n}")
        await asyncio.sleep(0.1)
        log("done")
        return n

    def helper(self):
        return None


class Child(Worker):
    def helper(self):
        return 1


def outer():
    return inner()


def inner():
    frame = sys._getframe()
    return [frame.f_code.co_name, frame.f_back.f_code.co_name, frame.f_back.f_lineno]


async def main():
    log("start")
    await asyncio.gather(Worker().run(1), Worker().run(2))
    here = inspect.currentframe()
    print(here.f_code.co_name, sys._getframe().f_code.co_name, type(here).__name__)
    print(outer(), outer.__name__)
    try:
        sys._getframe(50)
    except ValueError as e:
        print(e)
    print(repr(inspect.getdoc(Worker)))
    print(repr(inspect.getdoc(Child)), inspect.getdoc(Child.helper), inspect.getdoc(log))
    print(repr(inspect.cleandoc("  first\n      second\n    third\n\n")))


asyncio.run(main())
