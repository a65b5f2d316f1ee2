# gather: run several coroutines at once and collect their results in order
import asyncio


async def addition(a, b):
    await asyncio.sleep(3)
    return "addition", a + b


async def multiplication(a, b):
    await asyncio.sleep(1)
    return "multiplication", a * b


async def division(a, b):
    await asyncio.sleep(2)
    return "division", a / b


async def main():
    results = await asyncio.gather(addition(10, 20), multiplication(10, 20), division(10, 20))
    for operation, value in results:
        print(f"{operation}: {value}")
    print("finished at", asyncio.get_running_loop().time(), "s, the slowest one")


asyncio.run(main())
