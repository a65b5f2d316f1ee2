# typing at run time: get_type_hints evaluates forward references (also inside Optional/list), strips Annotated unless include_extras; get_origin/get_args of list[str], int | None and Annotated; ForwardRef in reprs and TypeVar bounds
import asyncio
from typing import Optional, Union, get_type_hints, get_origin, get_args, Any, TypeVar, Generic, overload, cast, NewType, Annotated, Callable, Awaitable, Iterable
import dataclasses

UserId = NewType("UserId", int)
T = TypeVar("T", bound="Base")

class Base:
    pass

@dataclasses.dataclass
class Item(Base):
    id: UserId
    tags: list[str]
    parent: Optional["Item"] = None
    score: Annotated[float, "0..1"] = 0.0

@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> str: ...
def parse(x):
    return x

async def apply_all(fs: Iterable[Callable[[int], Awaitable[int]]], v: int) -> list[int]:
    return [await f(v) for f in fs]

async def inc(x: int) -> int:
    return x + 1

async def main():
    hints = get_type_hints(Item)
    print(hints)
    print(get_type_hints(Item, include_extras=True)["score"])
    for t in (Optional[int], Union[int, str], list[str], dict[str, list[int]], Callable[[int], str], Annotated[int, "x"], int | None):
        print(t, get_origin(t), get_args(t))
    print(UserId(5), UserId, cast(int, "x"), parse(3))
    print(await apply_all([inc, inc], 1), T, T.__bound__)
    print(Item.__dataclass_fields__["tags"].type, dataclasses.is_dataclass(Item), dataclasses.asdict(Item(UserId(1), ["a"])))

asyncio.run(main())
from typing import List, Dict
print(Optional["Item"], List["Base"], Dict[str, "Item"], get_type_hints(apply_all))
def f(a: "int", b: "list[Item]" = None) -> "Optional[Item]":
    pass
print(get_type_hints(f))
