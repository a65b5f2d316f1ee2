# async generators left unfinished: closed by the loop's finalizer after break (one iteration later) and by shutdown_asyncgens at the end of asyncio.run
import asyncio

async def gen(name):
    try:
        for i in range(3):
            await asyncio.sleep(0.1)
            yield f"{name}{i}"
    finally:
        print("cleanup", name)

async def main():
    async for x in gen("a"):
        print(x)
    async for x in gen("b"):
        print(x)
        break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep0")
    g = gen("c")
    print(await g.__anext__())
    print("left c suspended")

asyncio.run(main())
print("done")
