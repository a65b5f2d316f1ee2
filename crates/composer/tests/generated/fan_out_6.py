# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# Fan-out and gather: N coroutines run at once; gather waits for all and keeps their order
import asyncio

WORKERS = 6
DELAY = 0.3


async def fetch(number):
    """Pretends to fetch something; lower numbers take longer."""
    print(f"fetch {number} starts")
    await asyncio.sleep(DELAY * (WORKERS - number))
    print(f"fetch {number} done")
    return number * 10


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(WORKERS)))
    print(f"results, in the order they were asked for: {results}")


asyncio.run(main())
