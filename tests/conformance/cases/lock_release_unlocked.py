# releasing an unlocked Lock raises RuntimeError
import asyncio


async def main():
    lock = asyncio.Lock()
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as error:
        print("RuntimeError:", error)
    async with lock:
        print("inside, locked:", lock.locked())
    print("after, locked:", lock.locked())


asyncio.run(main())
