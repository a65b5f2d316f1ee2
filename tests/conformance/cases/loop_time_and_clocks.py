# loop.time(), time.time(), time.monotonic() and time.perf_counter() all read the virtual clock
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    print(loop.time(), time.time(), time.monotonic(), time.perf_counter())
    await asyncio.sleep(2.25)
    print(loop.time(), time.time(), time.monotonic(), time.perf_counter())
    print(time.time_ns(), time.monotonic_ns(), time.perf_counter_ns())


start = time.perf_counter()
asyncio.run(main())
print(f"elapsed {time.perf_counter() - start:0.2f} seconds")
