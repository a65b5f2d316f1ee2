# async generators driven by hand: asend, athrow, aclose, StopAsyncIteration, ag_running
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
    g = echo()
    print(repr(g).split(" at ")[0], g.__name__, g.__qualname__, g.ag_running)
    try:
        await g.asend(1)
    except TypeError as e:
        print("TypeError:", e)
    print(await g.asend(None))
    print(await g.asend("a"), await g.asend("b"))
    print(await g.athrow(ValueError("bad")))
    try:
        await g.asend("x")
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    print(await g.aclose())
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print("exhausted")

asyncio.run(main())
