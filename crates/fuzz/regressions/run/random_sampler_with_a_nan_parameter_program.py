# fuzz finding: a hang (random.vonmisesvariate with a NaN kappa rejected every round in Rust, outside the instruction budget)
import asyncio
import random


async def jitter(n):
    random.seed(n)
    await asyncio.sleep(random.vonmisesvariate(1.0, 4.0) / 10)
    return random.gammavariate(2.0, 0.5)


async def main():
    print(await asyncio.gather(*(jitter(n) for n in range(3))))
    print(random.vonmisesvariate(1.0, float("nan")))


asyncio.run(main())
