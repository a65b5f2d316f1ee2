# The default warning filters: each message once per location, DeprecationWarning shown only when attributed to __main__.
import asyncio
import warnings


def legacy():
    warnings.warn("legacy() will be removed", DeprecationWarning)


class Cfg:
    def __init__(self, n):
        if n > 10:
            warnings.warn(f"n={n} is large", stacklevel=2)
        self.n = n


async def main():
    for n in (5, 20, 30):
        Cfg(n)
        await asyncio.sleep(0.1)
    legacy()
    warnings.warn("once per location")
    for _ in range(3):
        warnings.warn("loop warning", UserWarning)
    warnings.warn("future", FutureWarning)
    print("done")

asyncio.run(main())
