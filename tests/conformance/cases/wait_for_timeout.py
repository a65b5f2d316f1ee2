# wait_for cancels the inner coroutine on timeout and raises TimeoutError
import asyncio


async def slow_operation():
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("slow_operation was cancelled")
        raise


async def main():
    try:
        await asyncio.wait_for(slow_operation(), timeout=1.5)
    except asyncio.TimeoutError as error:
        print("timed out:", type(error).__name__, error is not None)
        print("same class as builtin TimeoutError:", asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
