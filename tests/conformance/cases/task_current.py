# current_task() inside tasks and callbacks, and outside any loop (RuntimeError)
import asyncio


def in_callback():
    print("in a callback, current task:", asyncio.current_task())


async def job():
    print("job sees", asyncio.current_task().get_name())


async def main():
    print("main sees", asyncio.current_task().get_name())
    await asyncio.create_task(job(), name="the-job")
    asyncio.get_running_loop().call_soon(in_callback)
    await asyncio.sleep(0)


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as error:
    print("outside:", error)
