# a failed task referenced only by the frame that raised is reported after the final traceback
import asyncio
async def boom():
    raise KeyError("k")
async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    raise RuntimeError("main failed")
asyncio.run(main())
