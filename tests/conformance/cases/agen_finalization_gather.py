# async generators abandoned by concurrent consumers, and two left suspended when main returns
import asyncio
async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")

async def consumer(name):
    async for x in gen():
        print(name, x)
        break
    print(name, "broke")

async def main():
    await asyncio.gather(consumer("a"), consumer("b"))
    g1 = gen(); g2 = gen()
    await anext(g1); await anext(g2)
    print("main end")

asyncio.run(main())
print("after run")
