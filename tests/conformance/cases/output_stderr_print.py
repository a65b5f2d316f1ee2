# print(file=sys.stderr) goes unstamped to stderr; stdout lines keep their stamps
import asyncio
import sys


async def main():
    print("to stdout")
    print("warning: to stderr", file=sys.stderr)
    await asyncio.sleep(1)
    print("more stdout")
    print("error:", 42, file=sys.stderr)
    sys.stderr.write("written directly\n")


asyncio.run(main())
