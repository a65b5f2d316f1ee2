# functools.partial/reduce and operator getters, partials as asyncio callbacks
import functools, operator, asyncio
def f(a, b, c=3):
    return a + b + c
p = functools.partial(f, 1, c=5)
print(p(2), p(2, c=1), p.__name__ if False else "", functools.partial(print, 'x'), functools.partial(p, 7)())
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(operator.add, [], 0))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print(e)
g = operator.itemgetter(1)
print(g, g([5, 6]), operator.itemgetter(0, 1)('ab'), operator.attrgetter('real'), operator.attrgetter('real')(3))
print(sorted([(1, 'b'), (0, 'z'), (2, 'a')], key=operator.itemgetter(1)))
print(operator.mul(3, 4), operator.neg(5))
def done(label, fut):
    print("done", label, fut.result())
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(functools.partial(done, "A"))
    loop.call_soon(functools.partial(print, "soon", end="!\n"))
    fut.set_result(42)
    await asyncio.sleep(0.1)
asyncio.run(main())
