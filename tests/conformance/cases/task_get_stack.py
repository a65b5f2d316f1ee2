# Task.get_stack(): one frame for a suspended coroutine (its def line before it starts), the traceback's frames once it failed, limit and argument errors.
import asyncio


async def worker(delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError("worker failed")
    return delay


def where(task, **kwargs):
    return [(f.f_code.co_name, f.f_lineno, f.f_back is None) for f in task.get_stack(**kwargs)]


async def main():
    calm = asyncio.create_task(worker(1, False))
    angry = asyncio.create_task(worker(2, True))
    print("created", where(calm))
    await asyncio.sleep(0)
    print("waiting", where(calm), where(angry, limit=1), where(angry, limit=0))
    await asyncio.wait([calm, angry])
    print("finished", where(calm), calm.get_stack(limit="ignored"))
    print("failed", where(angry), where(angry, limit=-1))
    for call in (lambda: angry.get_stack(1), lambda: angry.get_stack(limit="x"),
                 lambda: angry.get_stack(depth=2), lambda: angry.print_stack(2)):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
