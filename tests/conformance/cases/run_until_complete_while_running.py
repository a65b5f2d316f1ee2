# loop.run_until_complete() on a running loop refuses before making a task: the coroutine given is never awaited, as in CPython
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
    other = asyncio.new_event_loop()
    try:
        other.run_until_complete(compute(4))
    except RuntimeError as e:
        print("RuntimeError:", e)
    other.close()
    try:
        other.run_until_complete(compute(5))
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
print("end")
