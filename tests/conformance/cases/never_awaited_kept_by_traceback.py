# a coroutine held by a frame that raised lives as long as the traceback: reported at sys:1 after it
import asyncio
async def work():
    pass
async def main():
    c = work()
    raise ValueError("x")
asyncio.run(main())
