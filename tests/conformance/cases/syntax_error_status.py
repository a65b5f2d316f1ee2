# A SyntaxError is reported as `python3 PROGRAM` reports it (no traceback header), exit status 1.
import asyncio


async def fetch(n):
    await asyncio.sleep(n)
    return n *


asyncio.run(fetch(1))
