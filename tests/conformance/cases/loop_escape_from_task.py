# a task that raises SystemExit stops the loop at once (Task.__step re-raises it); gathered siblings are cancelled by the runner before the main task sees the exit; the main task's own exit is never logged
import asyncio
import sys


async def child(n):
    try:
        await asyncio.sleep(0.1 * n)
        if n == 2:
            sys.exit(3)
        print("child", n, "done")
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise
    finally:
        print("child", n, "finally")


async def gathered():
    try:
        await asyncio.gather(child(1), child(2), child(3))
    except BaseException as e:
        print("gathered main got", repr(e))
        raise


async def direct():
    background = asyncio.create_task(child(5))
    await asyncio.sleep(0.2)
    print("direct exits")
    sys.exit(0)


async def detached():
    global stray
    stray = asyncio.create_task(child(2))
    await asyncio.sleep(1)
    print("detached main is never resumed")


def run(coro):
    try:
        asyncio.run(coro)
    except SystemExit as e:
        print("exit code", e.code)
    finally:
        print("--- after", coro.__name__)


run(direct())
run(detached())
print("the stray task ended with", repr(stray.exception()))
run(gathered())
print("module end")
