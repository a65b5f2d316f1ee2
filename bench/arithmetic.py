# Benchmark (c): 20,000,000 iterations of integer arithmetic in 10
# coroutines (2,000,000 each), all gathered. Measures the interpreter alone:
# the coroutines never suspend.
import asyncio

COROUTINES = 10
ITERATIONS = 2_000_000
MODULUS = 1_000_003


async def crunch(seed):
    total = seed
    for i in range(ITERATIONS):
        total = (total + i * i) % MODULUS
    return total


async def main():
    totals = await asyncio.gather(*[crunch(seed) for seed in range(COROUTINES)])
    print(f"iterations: {COROUTINES * ITERATIONS}")
    print(f"checksum: {sum(totals)} totals: {totals}")


asyncio.run(main())
