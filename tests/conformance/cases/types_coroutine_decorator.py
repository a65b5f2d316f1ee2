# types.coroutine: generator-based coroutines awaited, run as tasks, delegating with yield from
import asyncio
import inspect
import types


@types.coroutine
def pause(seconds):
    # the pre-async-def style: delegate to an awaitable with yield from
    result = yield from asyncio.sleep(seconds, result=seconds * 10)
    return result


@types.coroutine
def wait_for_future(delay, value):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(delay, fut.set_result, value)
    got = yield from fut
    print("future gave", got)
    return got


@types.coroutine
def hand_over():
    # a bare yield gives the loop one turn
    yield
    return "after one turn"


async def compute(x):
    await asyncio.sleep(0.5)
    return x + 1


@types.coroutine
def chain(x):
    # yield from a native coroutine is allowed inside types.coroutine
    value = yield from compute(x)
    return ("chained", value)


@types.coroutine
def yields_future_plainly():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, None)
    yield fut


def plain_generator():
    yield from asyncio.sleep(0)


def returns_generator():
    return (n for n in range(3))


async def main():
    print(await pause(1))
    print(await wait_for_future(0.25, "ready"))
    print(await hand_over())
    print(await chain(41))

    g = pause(0)
    print(asyncio.iscoroutine(g), inspect.isawaitable(g))
    print(inspect.iscoroutine(g), inspect.isgenerator(g))
    print(inspect.iscoroutinefunction(pause), asyncio.iscoroutinefunction(pause))
    print(bool(pause.__code__.co_flags & 0x100), type(g).__name__)
    print(await g)

    results = await asyncio.gather(pause(2), chain(1), wait_for_future(1, "third"))
    print(results)

    task = asyncio.create_task(chain(9))
    print(await task)

    try:
        await yields_future_plainly()
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" in task")[0])

    try:
        await plain_generator()
    except TypeError as e:
        print("TypeError:", e)

    wrapped = types.coroutine(returns_generator)
    w = wrapped()
    print(type(w).__name__, inspect.isawaitable(w))
    print(types.coroutine(compute) is compute)
    try:
        types.coroutine(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
