# an uncaught exception inside a coroutine ends the program with a traceback and status 1
import asyncio


async def parse(text):
    await asyncio.sleep(0.5)
    return int(text)


async def main():
    print(await parse("12"))
    print(await parse("twelve"))


asyncio.run(main())
