# reprs of handles, futures and tasks: callbacks with reprlib-shortened arguments, wait_for, cancelling, running lines
import asyncio
import functools


class Sensor:
    def __init__(self, ident):
        self.ident = ident

    def __repr__(self):
        return f"Sensor#{self.ident}"

    def poll(self, *args):
        pass


def record(*args, **kwargs):
    pass


async def measure(n):
    await asyncio.sleep(n)
    return [n] * 10


async def main():
    loop = asyncio.get_running_loop()
    probe = Sensor(7)
    print(loop.call_soon(record, 1, "two", list(range(9)), "z" * 45, 7 ** 60, {"k": 1, "j": 2, "i": 3, "h": 4, "g": 5}))
    print(loop.call_soon(probe.poll, probe, 2.5, None, True))
    print(loop.call_soon(functools.partial(record, 1, level="hi"), 3))
    print(loop.call_soon(len, ((1,),)))
    timer = loop.call_later(2, record, (1, 2), {3}, set(), {}, (), [[[[[[[1]]]]]]])
    print(timer)
    timer.cancel()
    print(timer)
    fut = loop.create_future()
    fut.add_done_callback(record)
    print(fut)
    fut.add_done_callback(probe.poll)
    print(fut)
    fut.add_done_callback(functools.partial(record, 9))
    fut.add_done_callback(lambda f: None)
    print(fut)
    fut.set_result(Sensor(1))
    print(fut)
    failed = loop.create_future()
    failed.set_exception(KeyError("x" * 40))
    print(failed)
    failed.exception()
    job = asyncio.create_task(measure(3))
    job.add_done_callback(record)
    print(job)
    await asyncio.sleep(0)
    print(job)
    await job
    print(job)
    other = asyncio.create_task(measure(1), name="it's mine")
    print(other)
    await asyncio.sleep(0)
    other.cancel()
    print(other)
    other.cancel()
    print(other)
    await asyncio.sleep(0)
    print(other)

    def from_inside():
        return repr(asyncio.current_task()).split(" cb=")[0]

    print(from_inside())
    print(f"{asyncio.current_task()!r}".split(" cb=")[0])


asyncio.run(main())
