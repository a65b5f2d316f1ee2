# Lock: only one task at a time may update the shared bank balance
import asyncio

balance = 100


async def withdraw(lock, who, amount):
    global balance
    print(f"{who} wants {amount}")
    async with lock:
        current = balance
        await asyncio.sleep(1)  # checking with the bank takes a while
        balance = current - amount
        print(f"{who} withdrew {amount}; balance is now {balance}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(withdraw(lock, "Ann", 30), withdraw(lock, "Bob", 50), withdraw(lock, "Cat", 10))
    print("final balance:", balance)


asyncio.run(main())
