# inspect tells async generators and their functions apart from generators and coroutines
import asyncio, inspect
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
async def plain(): pass
def gen(): yield 1
async def main():
    agen = ticker(2)
    print(inspect.isasyncgenfunction(ticker), inspect.isasyncgenfunction(plain), inspect.isasyncgenfunction(gen))
    print(inspect.isasyncgen(agen), inspect.isasyncgen(gen()), inspect.isgenerator(agen), inspect.iscoroutine(agen))
    print(inspect.isgeneratorfunction(ticker), inspect.iscoroutinefunction(ticker))
    print([i async for i in agen])
asyncio.run(main())
