# except* around a TaskGroup: the failures of several tasks, sorted by kind, at their virtual times
import asyncio


async def fetch(name, delay, error=None):
    await asyncio.sleep(delay)
    if error is not None:
        raise error
    print(f"{asyncio.get_running_loop().time():.1f} {name} done")
    return name


async def run_batch(jobs):
    try:
        async with asyncio.TaskGroup() as tg:
            for name, delay, error in jobs:
                tg.create_task(fetch(name, delay, error), name=name)
    except* ConnectionError as group:
        for e in group.exceptions:
            print(f"{asyncio.get_running_loop().time():.1f} retry later: {e!r}")
    except* ValueError as group:
        print("bad input:", [str(e) for e in group.exceptions])
        raise RuntimeError("batch rejected")


async def main():
    await run_batch([
        ("a", 1, None),
        ("b", 2, ConnectionError("b refused")),
        ("c", 3, None),
    ])
    try:
        await run_batch([
            ("d", 1, ValueError("d is malformed")),
            ("e", 1, ConnectionResetError("e reset")),
            ("f", 5, None),
        ])
    except* RuntimeError as e:
        print("caught:", repr(e), "caused while handling", repr(e.exceptions[0].__context__))
    await run_batch([("g", 1, KeyError("g"))])


asyncio.run(main())
