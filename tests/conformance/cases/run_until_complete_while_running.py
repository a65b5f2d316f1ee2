# loop.run_until_complete() on a running loop refuses before making a task: the coroutine given is never awaited, as in CPython; a closed loop refuses the same way
import asyncio


async def compute(x):
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(compute(3))
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("after")


asyncio.run(main())
closed = asyncio.new_event_loop()
closed.close()
try:
    closed.run_until_complete(compute(5))
except RuntimeError as e:
    print("RuntimeError:", e)
print("end")
