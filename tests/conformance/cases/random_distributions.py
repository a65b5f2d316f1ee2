# random's distributions (lognormvariate, paretovariate, weibullvariate, vonmisesvariate, gammavariate in its three regimes, betavariate) give CPython's numbers, module functions and Random instances alike
import asyncio
import random


async def simulated_latency(rng, i):
    delay = rng.lognormvariate(-2, 0.5)
    await asyncio.sleep(delay)
    return i, round(delay, 6)


async def main():
    random.seed(1234)
    print([round(random.lognormvariate(0, 1), 12) for _ in range(3)])
    print([random.paretovariate(2.5) for _ in range(3)])
    print([random.weibullvariate(1.5, 2) for _ in range(3)])
    print([random.vonmisesvariate(1.0, 4) for _ in range(3)], random.vonmisesvariate(0, 0))
    print([random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0, 30.0)])
    print([random.betavariate(2, 5) for _ in range(3)])
    rng = random.Random(99)
    print(await asyncio.gather(*(simulated_latency(rng, i) for i in range(4))))
    for bad in [lambda: random.gammavariate(0, 1), lambda: random.paretovariate(0)]:
        try:
            bad()
        except (ValueError, ZeroDivisionError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
