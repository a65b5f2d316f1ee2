# Chains 100,000 long of the objects that hold one another without a container in
# between — bound methods bound to bound methods, cells holding cells, slices of
# slices, futures whose done callback holds the previous future — dropped in one
# go: freeing them must not recurse natively once per link (object/teardown.rs).
# CPython 3.11 overflows its C stack (a segfault) on the first three at 1,000,000
# links; Loopscope frees them (1,000,000 checked by hand, release build).
import asyncio
import functools

N = 100_000


def free(kind, make):
    value = 0
    for _ in range(N):
        value = make(value)
    del value
    print(kind, "freed")


def method(self):
    return self


free("bound method", lambda inner: method.__get__(inner))


def cell_of(inner):
    held = inner

    def reader():
        return held

    return reader.__closure__[0]


free("cell", cell_of)
free("slice", lambda inner: slice(inner))


async def main():
    loop = asyncio.get_running_loop()

    def pending(inner):
        future = loop.create_future()
        future.add_done_callback(functools.partial(print, inner))
        return future

    free("future callback", pending)


asyncio.run(main())
