# typing: the names programs annotate with (and their reprs), TypeVar and a
# Generic base class, NamedTuple classes and the functional form, NewType,
# cast, get_origin/get_args/get_type_hints, and annotated coroutines.
import asyncio
import typing
from typing import (Any, AsyncIterator, Awaitable, Callable, Coroutine, Dict,
                    Generic, List, NamedTuple, Optional, Tuple, TypeVar, Union)

T = TypeVar("T")
Number = TypeVar("Number", int, float)
Bounded = TypeVar("Bounded", bound=str)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Reading(NamedTuple):
    sensor: str
    value: float
    unit: str = "C"

    def show(self) -> str:
        return f"{self.sensor}={self.value}{self.unit}"


Pair = NamedTuple("Pair", [("left", int), ("right", int)])
UserId = typing.NewType("UserId", int)


async def fetch(delay: float, value: T) -> T:
    await asyncio.sleep(delay)
    return value


async def run_all(calls: List[Callable[[], Awaitable[int]]]) -> Dict[str, Any]:
    results: List[int] = []
    for call in calls:
        results.append(await call())
    return {"results": results, "count": len(results)}


async def main() -> None:
    summary = await run_all([lambda: fetch(0.2, 1), lambda: fetch(0.1, 2)])
    print(summary, Box(3).get(), Box[int]("x").get(), type(Box[int]("y")).__name__)
    r = Reading("kitchen", 21.5)
    print(r, r.show(), r._replace(unit="F"), Reading._fields, Reading._field_defaults)
    print(Reading.__annotations__, Pair(1, 2), Pair._fields, isinstance(r, tuple))
    print(UserId(5), UserId, typing.cast(int, "not an int"), typing.TYPE_CHECKING)
    print(Optional[int], Union[int, str], Union[int], Union[int, None], Optional[List[int]])
    print(List[int], Dict[str, Any], Tuple[int, ...], Callable[[int, str], bool], Callable[..., Any])
    print(Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[str], typing.Iterable[int])
    print(T, Number, Bounded, Number.__constraints__, Bounded.__bound__, List, Any)
    print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(Optional[int]))
    print(typing.get_origin(Optional[int]) is Union, typing.get_args(Callable[[int], str]))
    print(typing.get_type_hints(Reading), fetch.__annotations__)
    try:
        class Broken(NamedTuple):
            a: int = 1
            b: str
    except TypeError as exc:
        print("TypeError", exc)


asyncio.run(main())
