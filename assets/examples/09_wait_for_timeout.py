# Timeouts with wait_for: give up on a slow operation and cancel it
import asyncio


async def slow_server(delay):
    try:
        await asyncio.sleep(delay)
        return f"response after {delay} s"
    except asyncio.CancelledError:
        print(f"  request taking {delay} s was cancelled")
        raise


async def main():
    for delay in (1, 5):
        try:
            answer = await asyncio.wait_for(slow_server(delay), timeout=2)
            print("got", answer)
        except TimeoutError:
            print(f"timed out waiting for the {delay} s request")


asyncio.run(main())
