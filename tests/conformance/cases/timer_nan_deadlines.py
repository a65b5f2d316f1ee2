# NaN delays and deadlines: CPython's loop runs such a timer at once (NaN >= end_time is false)
import asyncio

nan = float("nan")


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(nan)
    print("slept nan", loop.time())
    loop.call_later(nan, print, "call_later nan fired")
    loop.call_at(nan, print, "call_at nan fired")
    loop.call_later(1, print, "call_later 1 fired")
    await asyncio.sleep(2)
    print("after", loop.time())
    try:
        print(await asyncio.wait_for(asyncio.sleep(1, "wait_for nan: done"), nan))
    except TimeoutError:
        print("wait_for nan: TimeoutError at", loop.time())
    try:
        async with asyncio.timeout(nan):
            await asyncio.sleep(5)
        print("timeout nan: body finished")
    except TimeoutError:
        print("timeout nan: TimeoutError at", loop.time())
    for future in asyncio.as_completed([asyncio.sleep(1, "as_completed nan: done")], timeout=nan):
        try:
            print(await future)
        except TimeoutError:
            print("as_completed nan: TimeoutError at", loop.time())
    print("end", loop.time())


asyncio.run(main())
