# one failing TaskGroup child cancels its siblings; the ExceptionGroup is caught with a plain except
# (siblings are cancelled in the order of a set of tasks, which CPython orders by their
# addresses, so they note their cancellation and main prints the notes sorted)
import asyncio

cancelled = []


async def steady(name):
    try:
        await asyncio.sleep(5)
        print(name, "finished")
    except asyncio.CancelledError:
        cancelled.append(name)
        print("a sibling is cancelled by the group")
        raise


async def fragile():
    await asyncio.sleep(1)
    raise ConnectionError("link lost")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(steady("left"))
            group.create_task(fragile())
            group.create_task(steady("right"))
    except ExceptionGroup as group_error:
        print("cancelled:", sorted(cancelled))
        print("caught:", group_error)
        print("inside:", [repr(error) for error in group_error.exceptions])
    print("at", asyncio.get_running_loop().time())


asyncio.run(main())
