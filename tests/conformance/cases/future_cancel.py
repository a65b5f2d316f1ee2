# cancelling a Future (with a message) wakes its awaiter with CancelledError
import asyncio


async def waiter(future):
    try:
        await future
    except asyncio.CancelledError as error:
        print("waiter got CancelledError", error.args)
        return "handled"


async def main():
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0.5)
    print("cancel():", future.cancel("changed my mind"))
    print("cancelled():", future.cancelled(), "done():", future.done())
    print("task result:", await task)
    print("cancel() again:", future.cancel())
    try:
        future.result()
    except asyncio.CancelledError as error:
        print("result() raises CancelledError", error.args)


asyncio.run(main())
