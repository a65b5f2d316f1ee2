# Semaphore: at most two downloads at a time, the others wait for a free slot
import asyncio


async def download(slots, name, seconds):
    print(f"{name} waits for a slot")
    async with slots:
        print(f"{name} downloading")
        await asyncio.sleep(seconds)
        print(f"{name} done")


async def main():
    slots = asyncio.Semaphore(2)
    files = [("a.txt", 2), ("b.png", 1), ("c.mp3", 3), ("d.pdf", 1)]
    await asyncio.gather(*(download(slots, name, s) for name, s in files))
    print("all downloads finished at", asyncio.get_running_loop().time(), "s")


asyncio.run(main())
