# the same three waits: sequential time.sleep takes the sum, gathered asyncio.sleep the maximum
import asyncio
import time


def sync_job(n):
    time.sleep(n)
    return n


async def async_job(n):
    await asyncio.sleep(n)
    return n


start = time.perf_counter()
print([sync_job(n) for n in (1, 2, 3)])
print(f"sync took {time.perf_counter() - start:.2f} s")
start = time.perf_counter()


async def main():
    return await asyncio.gather(*(async_job(n) for n in (1, 2, 3)))


print(asyncio.run(main()))
print(f"async took {time.perf_counter() - start:.2f} s")
