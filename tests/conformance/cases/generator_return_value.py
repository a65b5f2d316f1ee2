# a generator's return value travels in StopIteration.value and out of yield from
def child():
    yield "child step 1"
    yield "child step 2"
    return "child result"


def parent():
    result = yield from child()
    print("parent received", repr(result))
    yield "parent step"


for step in parent():
    print(step)
gen = child()
next(gen)
next(gen)
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration.value =", stop.value)
