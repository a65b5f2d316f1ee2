# typed decorators with ParamSpec (Callable[P, Awaitable[R]], P.args, Concatenate), and coroutines of a functools.wraps wrapper named after the wrapped function
import asyncio
import functools
from typing import Awaitable, Callable, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def logged(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    @functools.wraps(fn)
    async def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        print(f"calling {fn.__name__}{args}")
        return await fn(*args, **kwargs)

    return inner


def with_retries(fn: Callable[Concatenate[int, P], R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return fn(3, *args, **kwargs)

    return inner


@logged
async def fetch(url: str, timeout: float = 1.0) -> str:
    await asyncio.sleep(timeout)
    return url.upper()


@with_retries
def numbers(retries: int, n: int):
    yield from range(retries * n)


async def main():
    coro = fetch("a", timeout=0.1)
    print(coro.__name__, coro.__qualname__)
    task = asyncio.create_task(coro)
    print(await task, task.get_coro().__qualname__)
    print(list(numbers(2)), numbers.__name__)
    print(Callable[P, Awaitable[R]], Callable[Concatenate[int, P], R])
    print(P.args, P.kwargs, P.args == P.args, P.args.__origin__ is P)
    print(Callable[P, int].__args__, fetch.__wrapped__.__name__)
    fetch("never awaited")


asyncio.run(main())
