# one coroutine awaits a Future that another coroutine resolves; gather collects both results
import asyncio


async def resolver(future):
    print("resolver sleeps 2 s")
    await asyncio.sleep(2)
    print("resolver sets the result")
    future.set_result("the answer")


async def reader(future):
    print("reader awaits the future")
    value = await future
    print("reader got", repr(value), "done:", future.done())
    return value


async def main():
    future = asyncio.Future()
    print(await asyncio.gather(reader(future), resolver(future)))


asyncio.run(main())
