# Notebook style: await at the top level, as in Jupyter, without asyncio.run
import asyncio


async def brew(drink, minutes):
    await asyncio.sleep(minutes)
    print(f"{drink} is ready")
    return drink


print("ordering...")
coffee = await brew("coffee", 2)
print("first drink:", coffee)
task = asyncio.create_task(brew("tea", 1))
print("others:", await asyncio.gather(brew("juice", 0.5), task))
print("this module runs as task", asyncio.current_task().get_name())
