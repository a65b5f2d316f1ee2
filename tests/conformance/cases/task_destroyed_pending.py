# a pending task that dies is reported as "Task was destroyed but it is pending!": one never started dies when its loop closes (its coroutine never awaited, in base_events.py), one waiting dies at exit and its coroutine is closed
import asyncio


async def ticker(label, every):
    try:
        while True:
            await asyncio.sleep(every)
            print(label, "tick")
    finally:
        print(label, "closed with its coroutine")


async def late_start():
    print("never printed")


async def main():
    await asyncio.sleep(2.5)
    print("main finished")


loop = asyncio.new_event_loop()
loop.create_task(ticker("metronome", 1))
loop.run_until_complete(main())
loop.create_task(late_start(), name="late")
print("closing the loop")
loop.close()
print("loop closed:", loop.is_closed())
