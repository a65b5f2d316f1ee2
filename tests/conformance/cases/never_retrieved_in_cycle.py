# a failed task kept alive by a reference cycle reports its exception when the cycle is collected at exit
import asyncio
async def boom():
    me = asyncio.current_task()
    raise ValueError("cyclic")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print("done")
asyncio.run(main())
print("after run")
