# time.process_time()/thread_time(): a program that only sleeps uses no CPU time, so the differences programs print are zero
import asyncio
import time


async def main():
    cpu0, wall0 = time.process_time(), time.perf_counter()
    t0 = time.thread_time()
    n0 = time.process_time_ns()
    await asyncio.gather(*(asyncio.sleep(i / 4) for i in range(5)))
    print(f"wall {time.perf_counter() - wall0:.2f}s cpu {time.process_time() - cpu0:.2f}s")
    print(f"thread {time.thread_time() - t0:.1f}s ns {(time.process_time_ns() - n0) // 10**9}")
    print(time.thread_time_ns() >= 0, time.process_time() >= 0)


asyncio.run(main())
