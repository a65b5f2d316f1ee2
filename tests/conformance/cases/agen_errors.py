# async generator misuse: reused awaitables, concurrent anext/aclose/athrow, StopIteration inside, ignored GeneratorExit, sync iteration
import asyncio

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            if v == "stop":
                return
    except ValueError as e:
        print("caught in gen:", e)
        yield "after-throw"
    finally:
        print("finally, received", received)

async def main():
    # reuse of an awaitable
    h = echo()
    a = h.asend(None)
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print("RuntimeError:", e)
    c = h.aclose()
    await c
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await h.athrow(ValueError))
    # concurrent anext
    async def slow():
        await asyncio.sleep(1)
        yield 1
    s = slow()
    t = asyncio.create_task(anext(s))
    await asyncio.sleep(0)
    try:
        await anext(s)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await s.athrow(KeyError)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await t)
    # StopAsyncIteration raised inside
    async def raiser():
        yield 1
        raise StopAsyncIteration("inner")
    r = raiser()
    await anext(r)
    try:
        await anext(r)
    except RuntimeError as e:
        print("RuntimeError:", e, repr(e.__cause__))
    async def raiser2():
        yield 1
        raise StopIteration
    r = raiser2()
    await anext(r)
    try:
        await anext(r)
    except RuntimeError as e:
        print("RuntimeError:", e, repr(e.__cause__))
    async def ignorer():
        try:
            yield 1
        finally:
            yield 2
    i = ignorer()
    await anext(i)
    try:
        await i.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async def awaiting_in_finally():
        try:
            yield 1
        finally:
            await asyncio.sleep(0.5)
            print("slept in finally")
    w = awaiting_in_finally()
    await anext(w)
    await w.aclose()
    print("closed w")
    try:
        next(echo())
    except TypeError as e:
        print(e)
    try:
        for x in echo():
            pass
    except TypeError as e:
        print(e)
    try:
        await echo()
    except TypeError as e:
        print(e)
    print(asyncio.iscoroutine(echo().aclose()), asyncio.iscoroutine(echo()))

asyncio.run(main())
