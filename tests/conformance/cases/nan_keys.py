# Each float('nan') is an object of its own: as dict keys and set items NaNs stay apart, unless the very same one is used again
import asyncio
import math

counts = {float("nan"): i for i in range(100_000)}
print(len(counts), sum(counts.values()))
nan = float("nan")
print(len({nan: 1, nan: 2}), nan in {nan}, nan in [nan], nan == nan)
print(float("nan") in {float("nan")}, float("nan") is float("nan"), nan is nan)
print(len({math.nan, math.nan}), len({float("-nan"), float("nan"), nan}))
seen = set()
for _ in range(3):
    seen.add(float("nan"))
    seen.add(nan)
print(len(seen), sorted(repr(x) for x in seen))


async def main():
    # a NaN delay fires at once (asyncio treats it as "now")
    await asyncio.sleep(float("nan"))
    print("slept", {float("nan"): "a"}.get(nan, "absent"))


asyncio.run(main())
