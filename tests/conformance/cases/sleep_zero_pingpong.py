# sleep(0) yields to the loop: two tasks alternate without the clock moving
import asyncio


async def player(name, rounds):
    for i in range(rounds):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    return name


async def main():
    results = await asyncio.gather(player("ping", 3), player("pong", 4))
    print(results)


asyncio.run(main())
