# types.TracebackType, FrameType and CellType, as typed __aexit__ signatures import them
import asyncio
from types import CellType, FrameType, TracebackType
from typing import Optional, Type


class Session:
    async def __aenter__(self) -> "Session":
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> bool:
        print("exit:", exc_type, isinstance(tb, TracebackType))
        if exc is not None:
            print("same traceback:", tb.tb_lineno == exc.__traceback__.tb_lineno)
        if tb is not None:
            print("frame:", isinstance(tb.tb_frame, FrameType), tb.tb_lineno)
        return True


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("sync exit:", exc_type.__name__, type(tb).__name__, tb.tb_lineno)
        return True


def counter():
    total = 0

    def bump():
        nonlocal total
        total += 1
        return total

    return bump


async def main():
    async with Session():
        print("inside")
    async with Session():
        raise ValueError("swallowed")
    with Guard():
        raise KeyError("also swallowed")
    print(TracebackType, FrameType, CellType)
    print(isinstance(counter().__closure__[0], CellType))
    print(TracebackType.__name__, FrameType.__name__, CellType.__name__)


asyncio.run(main())
