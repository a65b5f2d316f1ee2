# get_running_loop works inside coroutines and raises RuntimeError outside a running loop
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("inside: running?", loop.is_running(), "same as get_event_loop:", loop is asyncio.get_event_loop())


try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print("outside:", error)
asyncio.run(main())
