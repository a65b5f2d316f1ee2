# a race without a Lock: every task reads the counter before any writes it back
import asyncio

counter = 0


async def increment():
    global counter
    value = counter
    await asyncio.sleep(0)
    counter = value + 1


async def main():
    await asyncio.gather(*(increment() for _ in range(5)))
    print("counter without a lock:", counter)


asyncio.run(main())
