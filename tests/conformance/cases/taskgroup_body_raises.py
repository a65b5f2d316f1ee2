# an exception in the TaskGroup body cancels every child and is wrapped in an ExceptionGroup
# (the children are cancelled in the order of a set of tasks, which CPython orders by their
# addresses, so they note their cancellation and the body prints the notes sorted)
import asyncio

cancelled = []


async def child(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled.append(i)
        print("a child is cancelled at", asyncio.get_running_loop().time())
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for i in range(3):
                group.create_task(child(i))
            await asyncio.sleep(0.5)
            raise RuntimeError("body failed")
    except ExceptionGroup as error:
        print("cancelled:", sorted(cancelled))
        print(type(error).__name__, error.message, error.exceptions)


asyncio.run(main())
