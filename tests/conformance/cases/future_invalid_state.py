# a Future's result() before it is done, or a second set_result, raise InvalidStateError
import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    try:
        future.result()
    except asyncio.InvalidStateError as error:
        print("result():", error)
    try:
        future.exception()
    except asyncio.InvalidStateError as error:
        print("exception():", error)
    future.set_result(1)
    try:
        future.set_result(2)
    except asyncio.InvalidStateError as error:
        print("second set_result:", error)
    print("result stays", future.result())


asyncio.run(main())
