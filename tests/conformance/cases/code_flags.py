# co_flags for every kind of code (function, generator, coroutine, async generator, *args/**kwargs, nested, lambdas, comprehensions, types.coroutine) and inspect's predicates built on them.
import asyncio
import inspect
import types


def plain(a, b=1):
    return a + b


def varargs(*args, **kwargs):
    def nested():
        return args

    async def nested_coroutine():
        return kwargs

    async def nested_agen():
        yield args

    return nested, nested_coroutine, nested_agen


def generator():
    yield 1


async def coroutine():
    await asyncio.sleep(0)


async def agen():
    yield 1


@types.coroutine
def legacy():
    yield


class Holder:
    def method(self, *rest):
        return rest

    def maker(self):
        return [x for x in range(3)], (y for y in range(3))


square = lambda x: x * x
nested, nested_coroutine, nested_agen = varargs()
genexpr = (n for n in range(2))


async def main():
    agen_expr = (n async for n in agen())
    print("async genexpr", agen_expr.ag_code.co_flags)


codes = [
    ("plain", plain.__code__),
    ("varargs", varargs.__code__),
    ("nested", nested.__code__),
    ("nested coroutine", nested_coroutine.__code__),
    ("nested async generator", nested_agen.__code__),
    ("generator", generator.__code__),
    ("coroutine", coroutine.__code__),
    ("async generator", agen.__code__),
    ("types.coroutine", legacy.__code__),
    ("method", Holder.method.__code__),
    ("lambda", square.__code__),
    ("genexpr", genexpr.gi_code),
    ("genexpr in a method", Holder().maker()[1].gi_code),
]
for label, code in codes:
    print(f"{label:24} {code.co_flags:4} {code.co_flags:#06x}")

for fn in (plain, generator, coroutine, agen, legacy, nested_agen):
    print(
        fn.__name__,
        inspect.isgeneratorfunction(fn),
        inspect.iscoroutinefunction(fn),
        inspect.isasyncgenfunction(fn),
    )
asyncio.run(main())
