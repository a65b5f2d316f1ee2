# warnings.warn with stacklevel, simplefilter('always'), catch_warnings(record=True) and an 'error' filter, printed to stderr as CPython formats them.
import asyncio
import warnings


def old_api(x):
    warnings.warn("old_api is deprecated, use new_api", DeprecationWarning, stacklevel=2)
    return x + 1


async def step(i):
    await asyncio.sleep(0.01)
    if i == 2:
        warnings.warn(f"slow step {i}")
    return i


async def main():
    warnings.simplefilter("always")
    print(old_api(1))
    print(await asyncio.gather(*(step(i) for i in range(4))))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("captured", UserWarning)
        old_api(2)
    for w in caught:
        print(w.category.__name__, w.message)
    warnings.filterwarnings("error", category=RuntimeWarning)
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", e)

asyncio.run(main())
