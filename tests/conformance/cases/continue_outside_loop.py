# continue outside a loop: CPython 3.11 says it is "not properly in loop" (break: "outside loop")
import asyncio


async def main():
    for i in range(3):
        print(i)
    continue


asyncio.run(main())
