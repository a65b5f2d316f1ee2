# gi_frame, cr_frame and ag_frame: the line a suspended generator, coroutine or async generator is at, its code's name, and None once it finished
import asyncio


def countdown(n):
    while n:
        yield n
        n -= 1


async def ticker(delay, to):
    for i in range(to):
        yield i
        await asyncio.sleep(delay)


async def job():
    frame = asyncio.current_task().get_coro().cr_frame
    print("running in", frame.f_code.co_name)
    await asyncio.sleep(0.1)
    return "done"


async def main():
    gen = countdown(2)
    print(gen.gi_frame.f_lineno, gen.gi_frame.f_code.co_name, gen.gi_running)
    next(gen)
    print(gen.gi_frame.f_lineno)
    print(list(gen), gen.gi_frame)
    agen = ticker(0.1, 3)
    print(agen.ag_frame.f_lineno, agen.ag_running)
    print(await anext(agen), agen.ag_frame.f_lineno)
    print(await anext(agen), agen.ag_frame.f_lineno)
    await agen.aclose()
    print("closed:", agen.ag_running, agen.ag_frame is None)
    coro = job()
    print(coro.cr_frame.f_code.co_name, coro.cr_frame.f_lineno)
    task = asyncio.create_task(coro)
    await asyncio.sleep(0)
    print("suspended at", coro.cr_frame.f_lineno)
    print(await task, coro.cr_frame)


asyncio.run(main())
