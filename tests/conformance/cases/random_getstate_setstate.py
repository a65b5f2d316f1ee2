# random.getstate and setstate: a saved state replays the same numbers (gauss's spare value included), on the module and on Random instances, with CPython's errors
import asyncio
import random


async def roll(n):
    await asyncio.sleep(0.1)
    return [random.randint(1, 6) for _ in range(n)]


async def main():
    random.seed(7)
    random.gauss(0, 1)
    saved = random.getstate()
    print(saved[0], len(saved[1]), saved[1][-1], saved[1][:3], saved[2])
    first = await roll(5), random.gauss(0, 1)
    random.setstate(saved)
    again = await roll(5), random.gauss(0, 1)
    print(first == again, first)
    rng = random.Random(1)
    other = random.Random(2)
    other.setstate(rng.getstate())
    print(rng.random() == other.random(), other.getstate() == rng.getstate())
    for bad in [(3, (1,) * 3, None), (3, (1,) * 624 + (625,), None), (4, (1,), None),
                (3, (-1,) * 625, None), 5, (3, [1] * 625, None), (3, (1,) * 625)]:
        try:
            random.setstate(bad)
        except Exception as e:
            print(type(e).__name__, e)


asyncio.run(main())
