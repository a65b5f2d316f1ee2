# TaskGroup: CancelledError from the body propagates; a child failing while being cancelled joins the group; repr through the states
import asyncio

async def job(name, delay, error=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if error:
        raise error
    return name

async def body_cancel():
    async with asyncio.TaskGroup() as g:
        g.create_task(job("x", 1))
        raise asyncio.CancelledError("from body")

async def child_errors_while_aborting():
    async def stubborn():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            await asyncio.sleep(0.5)
            raise KeyError("during cleanup")
    async with asyncio.TaskGroup() as g:
        g.create_task(job("a", 1, ValueError("a")))
        g.create_task(stubborn())

async def main():
    loop = asyncio.get_running_loop()
    try:
        await body_cancel()
    except asyncio.CancelledError as e:
        print("body cancel propagates", e.args, loop.time())
    try:
        await child_errors_while_aborting()
    except ExceptionGroup as e:
        print(repr(e), loop.time())
    g = asyncio.TaskGroup()
    print(repr(g))
    async with g:
        g.create_task(job("y", 1))
        g.create_task(job("z", 1, ValueError("z")))
        try:
            await asyncio.sleep(2)
        finally:
            print("in body:", repr(g))
    print("unreachable")

async def outer():
    try:
        await main()
    except ExceptionGroup as e:
        print("outer caught", e.exceptions)
    print(asyncio.current_task().cancelling())

asyncio.run(outer())
