# A producer that gathers itself and a consumer creates tasks without end: the run
# stops at the live-task limit (lowered to 1,000 here; 100,000 by default), long
# before the tasks exhaust memory
# limit max_live_tasks 1000
import asyncio


async def consume():
    await asyncio.sleep(0)


async def produce():
    await asyncio.gather(produce(), consume())


asyncio.run(produce())
