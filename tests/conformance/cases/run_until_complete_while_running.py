# loop.run_until_complete() on a running loop, or on a second loop while one runs, refuses before making a task: the coroutine given is never awaited, as in CPython; the second loop closed meanwhile (the trace follows the running one), and a closed loop, refuse the same way
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
    await asyncio.sleep(1)
    print("main still running")


asyncio.run(main())
closed = asyncio.new_event_loop()
closed.close()
try:
    closed.run_until_complete(compute(5))
except RuntimeError as e:
    print("RuntimeError:", e)
print("end")
