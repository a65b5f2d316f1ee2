# functools: partial (attributes, repr with a class, as a loop callback),
# wraps/update_wrapper, lru_cache/cache (cache_info, LRU eviction, typed,
# methods, cache_clear, a cached coroutine awaited twice), total_ordering,
# cached_property, cmp_to_key, reduce, partialmethod and singledispatch.
import asyncio
import functools


def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        start = loop.time()
        result = await func(*args, **kwargs)
        print(f"{func.__name__} took {loop.time() - start:.2f}s")
        return result
    return wrapper


@timed
async def download(name: str, size: int = 3) -> str:
    """Pretend to download."""
    await asyncio.sleep(size / 10)
    return name.upper()


@functools.lru_cache(maxsize=2)
def square(n):
    print("computing", n)
    return n * n


@functools.lru_cache(typed=True)
def kind(x):
    return type(x).__name__


@functools.cache
async def lookup(key):
    await asyncio.sleep(0.1)
    return key * 2


@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


class Dataset:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        print("summing")
        return sum(self.values)

    @functools.lru_cache
    def scaled(self, factor):
        return [v * factor for v in self.values]

    def _log(self, level, message):
        return f"[{level}] {message}"

    warn = functools.partialmethod(_log, "WARN")


@functools.singledispatch
def describe(value):
    return f"something: {value!r}"


@describe.register
def _(value: int):
    return f"an int: {value}"


@describe.register(list)
def _(value):
    return f"a list of {len(value)}"


async def main():
    print(await download("a"), await download("b", size=1))
    print(download.__name__, download.__doc__, download.__annotations__, download.__wrapped__.__name__)
    print([square(n) for n in (2, 3, 2, 4, 3)], square.cache_info())
    square.cache_clear()
    print(square.cache_info(), square.cache_parameters(), square.__name__)
    print(kind(1), kind(1.0), kind(True), kind.cache_info())
    print(await lookup(5), lookup.cache_info())
    try:
        await lookup(5)
    except RuntimeError as exc:
        print("RuntimeError", exc)

    loop = asyncio.get_running_loop()
    done = loop.create_future()
    report = functools.partial(print, "timer fired", sep=": ")
    loop.call_later(0.2, report, "late")
    loop.call_later(0.3, functools.partial(done.set_result, "finished"))
    print(await done, report.args, report.keywords, report.func is print)
    to_int = functools.partial(int, base=2)
    print(to_int("1011"), repr(to_int), repr(functools.partial(to_int, "11")), to_int("11", base=10))

    print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1, 0) >= Version(0, 9))
    print(Version(1, 1) <= Version(1, 1), Version(2, 0) > Version(1, 9), Version.__gt__.__name__)
    data = Dataset([1, 2, 3])
    print(data.total, data.total, vars(data), data.scaled(2), data.scaled(2) is data.scaled(2))
    print(data.warn("disk low"), Dataset.scaled.cache_info())
    print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
    print(functools.reduce(lambda acc, x: acc * x, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))
    print(describe(3), describe([1, 2]), describe("x"), describe(True))
    try:
        functools.reduce(max, [])
    except TypeError as exc:
        print("TypeError", exc)
    try:
        functools.lru_cache("big")
    except TypeError as exc:
        print("TypeError", exc)
    try:
        @functools.total_ordering
        class Plain:
            pass
    except ValueError as exc:
        print("ValueError", exc)


asyncio.run(main())
