# tasks contending for a Lock acquire it in the order they asked (FIFO)
import asyncio


async def user(lock, name, hold):
    print(f"{name} wants the lock")
    await lock.acquire()
    try:
        print(f"{name} has the lock")
        await asyncio.sleep(hold)
    finally:
        lock.release()
        print(f"{name} released")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user(lock, "a", 1), user(lock, "b", 0.5), user(lock, "c", 0.2))


asyncio.run(main())
