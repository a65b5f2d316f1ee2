# a Future created with loop.create_future is resolved by a call_later callback and awaited
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    print("pending:", future.done(), future)
    loop.call_later(2, future.set_result, "delivered")
    value = await future
    print("got", value, "at", loop.time(), "done:", future.done())
    print(future)


asyncio.run(main())
