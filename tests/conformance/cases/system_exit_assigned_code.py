# an assigned SystemExit.code decides the exit: a non-int code is printed to stderr and the status is 1
import asyncio


async def main():
    await asyncio.sleep(1)
    e = SystemExit(7)
    e.code = ["not", "an", "int"]
    raise e


asyncio.run(main())
