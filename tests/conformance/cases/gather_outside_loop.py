# gather() called outside a running loop puts its coroutines on get_event_loop()'s loop; run by another loop, run_until_complete refuses it
import asyncio


async def part(n):
    await asyncio.sleep(n)
    return n * 2


home = asyncio.get_event_loop()
print(home.run_until_complete(asyncio.gather(part(1), part(2))))
empty = asyncio.gather()
print(empty.done(), empty.result(), empty.get_loop() is home)
stranger = asyncio.new_event_loop()
try:
    stranger.run_until_complete(asyncio.gather(part(3)))
except ValueError as e:
    print("ValueError:", e)
print(home.run_until_complete(asyncio.gather(*asyncio.all_tasks(home))))
stranger.close()
home.close()
