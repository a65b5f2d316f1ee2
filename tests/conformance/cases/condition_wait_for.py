# Condition.wait_for(predicate) re-checks the predicate after every notification
import asyncio

stock = []


async def buyer(cond, name, wanted):
    async with cond:
        await cond.wait_for(lambda: len(stock) >= wanted)
        print(f"{name} sees {len(stock)} items at {asyncio.get_running_loop().time()}")


async def restock(cond):
    for item in range(4):
        await asyncio.sleep(1)
        async with cond:
            stock.append(item)
            print("restocked, now", len(stock))
            cond.notify_all()


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(buyer(cond, "small", 1), buyer(cond, "big", 3), restock(cond))


asyncio.run(main())
