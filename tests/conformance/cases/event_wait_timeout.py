# waiting on an Event with wait_for; the event set later by a timer callback
import asyncio


async def main():
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), timeout=1)
    except TimeoutError:
        print("no signal within 1 s")
    asyncio.get_running_loop().call_later(0.5, event.set)
    await asyncio.wait_for(event.wait(), timeout=1)
    print("signalled at", asyncio.get_running_loop().time())


asyncio.run(main())
