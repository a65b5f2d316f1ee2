# Semaphore(2) lets at most two downloads run at once; the others queue in order
import asyncio

running = []


async def download(sem, n):
    async with sem:
        running.append(n)
        print(f"start {n}, running {running}")
        await asyncio.sleep(1)
        running.remove(n)
        print(f"end {n}")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n) for n in range(5)))
    print("locked:", sem.locked())


asyncio.run(main())
