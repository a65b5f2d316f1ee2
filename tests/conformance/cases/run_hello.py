# asyncio.run drives one coroutine: prints before and after a 1-second sleep
import asyncio


async def main():
    print("Hello")
    await asyncio.sleep(1)
    print("World")


asyncio.run(main())
print("back in sync code")
