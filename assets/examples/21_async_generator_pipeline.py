# async for: a pipeline of async generators; each stage awaits, so the stages take turns
import asyncio


async def sensor(readings):
    for value in readings:
        await asyncio.sleep(0.5)  # a new reading every half second
        print(f"  sensor produced {value}")
        yield value


async def only_valid(source):
    async for value in source:
        if value >= 0:
            yield value
        else:
            print(f"  dropped {value}")


async def running_average(source):
    total = count = 0
    async for value in source:
        total += value
        count += 1
        yield total / count


async def main():
    stream = running_average(only_valid(sensor([4, 8, -1, 6, 2])))
    async for average in stream:
        print(f"average so far: {average:.2f}")
    squares = [v * v async for v in sensor([1, 2, 3])]
    print("squares:", squares)


asyncio.run(main())
