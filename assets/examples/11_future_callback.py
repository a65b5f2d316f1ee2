# A Future resolved by a callback: await a result that a timer callback delivers later
import asyncio


def deliver(future, parcel):
    print("callback: delivering", parcel)
    future.set_result(parcel)


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    print("future done?", future.done())
    loop.call_later(2, deliver, future, "a parcel")
    future.add_done_callback(lambda f: print("done callback sees", f.result()))
    print("waiting for the delivery...")
    parcel = await future
    print("received", parcel, "at", loop.time(), "s")
    print("future done?", future.done())


asyncio.run(main())
