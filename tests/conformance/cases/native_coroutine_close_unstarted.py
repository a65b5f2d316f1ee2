# closing a coroutine of asyncio's that never started (wait_for(coro), sleep(delay, result)) frees what it holds at once, as CPython's cleared frame does
import asyncio

class Noisy:
    def __del__(self):
        print("Noisy freed")

async def job():
    return 1

async def main():
    w = asyncio.wait_for(job(), 1)
    w.close()
    print("after close")
    s = asyncio.sleep(1, result=Noisy())
    s.close()
    print("after sleep close")
    w2 = asyncio.wait_for(job(), 1)
    del w2
    print("after del")
    w3 = asyncio.wait_for(asyncio.sleep(0.1, result="slept"), 1)
    print(await w3)
    try:
        await w
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
