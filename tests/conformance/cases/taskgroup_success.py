# TaskGroup waits for all its tasks when the async with block ends
import asyncio


async def brew(drink, minutes):
    await asyncio.sleep(minutes)
    print(f"{drink} ready")
    return drink


async def main():
    async with asyncio.TaskGroup() as group:
        tea = group.create_task(brew("tea", 3))
        coffee = group.create_task(brew("coffee", 2), name="coffee-task")
        print("block body ends at", asyncio.get_running_loop().time())
    print("group done:", tea.result(), coffee.result(), coffee.get_name())


asyncio.run(main())
