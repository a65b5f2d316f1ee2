# random.Random instances: generators of their own, independent of the module's and of each other
import asyncio
import random


class Dice:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def roll(self, n):
        return [self.rng.randint(1, 6) for _ in range(n)]


async def player(name, seed, delay_rng):
    dice = Dice(seed)
    for turn in range(3):
        await asyncio.sleep(delay_rng.uniform(0.1, 0.5))
        print(f"{name} turn {turn}: {dice.roll(2)}")


async def main():
    shared = random.Random(7)
    before = random.random()
    await asyncio.gather(player("ann", 1, shared), player("bob", 1, shared), player("cy", 2, shared))
    print("module generator untouched by instances:", before, random.random())
    a, b = random.Random("seed"), random.Random("seed")
    print(a.random() == b.random(), a.getrandbits(20), b.getrandbits(20))
    items = list(range(8))
    a.shuffle(items)
    print(items, a.sample(items, 3), a.choices("xyz", weights=[1, 0, 5], k=5))
    print(round(a.gauss(10, 2), 6), round(a.expovariate(3), 6), a.randrange(0, 100, 7), a.randbytes(3))
    a.seed(3)
    print(a.choice(["red", "green", "blue"]), a.triangular(0, 10), a.normalvariate(0, 1))
    print(isinstance(a, random.Random), type(a).__name__, type(a).__module__)
    try:
        random.Random(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    try:
        random.Random([1, 2])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
for args, kwargs in [((), {"x": 5}), ((1,), {"x": 2}), ((), {"y": 1})]:
    try:
        print(random.Random(*args, **kwargs).random())
    except TypeError as e:
        print("TypeError:", e)
