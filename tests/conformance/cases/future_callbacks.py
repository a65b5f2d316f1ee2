# Future done callbacks are scheduled with call_soon when the result is set, in registration order
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    future.add_done_callback(lambda f: print("callback 2 sees", f.result()))
    loop.call_soon(print, "an earlier call_soon")
    future.set_result(10)
    print("set_result returned; callbacks not run yet")
    await asyncio.sleep(0)
    print("after one loop iteration")
    future.add_done_callback(lambda f: print("callback on a done future"))
    await asyncio.sleep(0)


asyncio.run(main())
