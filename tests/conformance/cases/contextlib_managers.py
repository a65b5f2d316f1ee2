# contextlib: contextmanager (values, cleanup on error, suppressing, as a
# decorator, generators that misbehave), asynccontextmanager around tasks,
# suppress, closing/aclosing, nullcontext, and ExitStack/AsyncExitStack
# (LIFO unwinding, callbacks, pop_all, exceptions replaced inside exits).
import asyncio
from contextlib import (AsyncExitStack, ExitStack, aclosing, asynccontextmanager,
                        closing, contextmanager, nullcontext, suppress)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as exc:
        print("swallowed", repr(exc))


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def twice():
    yield 1
    yield 2


@tag("decorated")
def decorated(x):
    print("inside decorated", x)
    return x * 2


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)

    async def aclose(self):
        await asyncio.sleep(0.05)
        print("aclosed", self.name)


@asynccontextmanager
async def connection(name, delay):
    await asyncio.sleep(delay)
    print(f"open {name}")
    try:
        yield f"conn:{name}"
    finally:
        await asyncio.sleep(delay)
        print(f"close {name}")


async def ticker():
    for i in range(5):
        await asyncio.sleep(0.01)
        yield i


async def use(name, delay):
    async with connection(name, delay) as conn:
        await asyncio.sleep(0.1)
        return conn


async def main():
    print(await asyncio.gather(use("a", 0.2), use("b", 0.1)))
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(connection("x", 0.1))
        stack.push_async_callback(asyncio.sleep, 0.05)
        stack.callback(print, "sync callback")
        second = stack.enter_context(tag("inner"))
        print("in stack", first, second)
    async with aclosing(Resource("r")) as r:
        print("using", r.name)
    async with nullcontext(5) as five:
        print("null async", five)
    async with aclosing(ticker()) as numbers:
        async for n in numbers:
            if n == 2:
                break
    print("ticker done")
    try:
        async with connection("boom", 0.1):
            raise ValueError("inside async with")
    except ValueError as exc:
        print("caught", exc)


with tag("outer") as value:
    print("value", value)
    with tag("nested"):
        pass
with swallow(KeyError):
    {}["missing"]
try:
    with swallow(KeyError):
        raise IndexError("not swallowed")
except IndexError as exc:
    print("passed through", exc)
print(decorated(21))
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
with closing(Resource("file")) as res:
    print("using", res.name)
with nullcontext() as nothing:
    print("null", nothing)
for bad in (no_yield, twice):
    try:
        with bad():
            pass
    except RuntimeError as exc:
        print("RuntimeError", exc)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "unwind", i)
    stack.enter_context(tag("stacked"))
    moved = stack.pop_all()
print("stack moved")
moved.close()


def failing_exit(*details):
    print("exit saw", details[0].__name__ if details[0] else None)
    raise KeyError("from exit")


try:
    with ExitStack() as stack:
        stack.push(failing_exit)
        stack.push(lambda *d: print("first exit", d[0]))
        raise ValueError("body")
except KeyError as exc:
    print("KeyError", exc, "context", repr(exc.__context__))
with ExitStack() as stack:
    stack.push(lambda *d: True)
    raise RuntimeError("suppressed by exit")
print("suppressed")
try:
    ExitStack().enter_context(object())
except TypeError as exc:
    print("TypeError", exc)
asyncio.run(main())
