# Lock with async with serialises a read-modify-write section
import asyncio

balance = 100


async def withdraw(lock, name, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)
        balance = current - amount
        print(f"{name} withdrew {amount}, balance {balance}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(withdraw(lock, "ann", 30), withdraw(lock, "bob", 20), withdraw(lock, "cat", 10))
    print("final balance", balance, "locked:", lock.locked())


asyncio.run(main())
