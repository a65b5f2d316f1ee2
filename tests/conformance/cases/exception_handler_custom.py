# loop.set_exception_handler: a custom handler sees CPython's context dicts for a failing callback, a task and a future whose exceptions nobody retrieved, a direct call_exception_handler, and the shutdown's leftover task; get_exception_handler; a non-callable handler
import asyncio


def handler(loop, context):
    print("handler:", context["message"])
    print("  keys:", sorted(context))
    exc = context.get("exception")
    print("  exception:", repr(exc))
    for key in ("handle", "future", "task"):
        if key in context:
            print(f"  {key}:", type(context[key]).__name__, context[key])
    print("  loop is running loop:", loop is asyncio.get_running_loop())


def bad_callback(n):
    raise ZeroDivisionError(n)


async def fail():
    raise ValueError("from a task")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise KeyError("while cancelled")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback, 7)
    await asyncio.sleep(0)
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    fut = loop.create_future()
    fut.set_exception(RuntimeError("in a future"))
    del fut
    await asyncio.sleep(0.1)
    loop.call_exception_handler({"message": "by hand", "answer": 42})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("done")
