# asyncio.sleep(delay, result=...) returns result after the delay
import asyncio


async def main():
    value = await asyncio.sleep(1.5, result="slept")
    print(value)
    nothing = await asyncio.sleep(0)
    print(nothing)
    print(await asyncio.sleep(0, result=[1, 2]))


asyncio.run(main())
