# RecursionError strikes at the same depth as in CPython at module level, in a task and in a callback
import asyncio, sys
def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n
print("module", probe(0))
async def main():
    print("main", probe(0))
    asyncio.get_running_loop().call_soon(lambda: print("callback", probe(0)))
    await asyncio.sleep(0)
asyncio.run(main())
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
