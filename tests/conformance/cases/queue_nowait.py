# put_nowait/get_nowait raise QueueFull and QueueEmpty instead of waiting
import asyncio


async def main():
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait("only")
    try:
        queue.put_nowait("one too many")
    except asyncio.QueueFull:
        print("QueueFull", repr(str(asyncio.QueueFull())))
    print(queue.get_nowait())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty as error:
        print("QueueEmpty", type(error).__mro__[1].__name__)


asyncio.run(main())
