# inspect's predicates and generator/coroutine states, through methods and partials
import asyncio
import functools
import inspect


async def fetch(n):
    await asyncio.sleep(n)
    return n


def numbers():
    yield 1
    yield 2


class Job:
    async def run(self):
        return 1

    def step(self):
        return 2

    def __await__(self):
        yield from asyncio.sleep(0).__await__()


for obj in [fetch, numbers, Job.run, Job().run, Job().step, functools.partial(fetch, 1),
            functools.partial(functools.partial(numbers)), print, len, Job, int, inspect, lambda: 0]:
    print(inspect.iscoroutinefunction(obj), inspect.isgeneratorfunction(obj), inspect.isasyncgenfunction(obj),
          inspect.isfunction(obj), inspect.ismethod(obj), inspect.isbuiltin(obj), inspect.isroutine(obj),
          inspect.isclass(obj), inspect.ismodule(obj))

g = numbers()
print(inspect.getgeneratorstate(g), inspect.isgenerator(g), inspect.iscoroutine(g), inspect.isawaitable(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g), inspect.GEN_CLOSED, inspect.CORO_RUNNING)


async def main():
    coro = fetch(0.5)
    print(inspect.getcoroutinestate(coro), inspect.iscoroutine(coro), inspect.isawaitable(coro))
    task = asyncio.create_task(coro)
    await asyncio.sleep(0)
    print(inspect.getcoroutinestate(coro), inspect.isawaitable(task), inspect.isawaitable(Job()), inspect.isawaitable(3))
    print(await task, inspect.getcoroutinestate(coro))
    me = asyncio.current_task().get_coro()
    print(inspect.getcoroutinestate(me))
    unstarted = fetch(0)
    for bad in [inspect.getgeneratorstate, inspect.getcoroutinestate]:
        for value in [3, numbers(), unstarted]:
            try:
                bad(value)
            except AttributeError as e:
                print("AttributeError:", e)
    unstarted.close()


asyncio.run(main())
