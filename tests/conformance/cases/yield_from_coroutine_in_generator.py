# `yield from coro()` in a plain generator: TypeError, and the coroutine's never-awaited warning names the generator's line.
async def fetch():
    return 1


def relay():
    yield "start"
    yield from fetch()


gen = relay()
print(next(gen))
try:
    next(gen)
except TypeError as e:
    print("TypeError:", e)
print(list(relay()))
