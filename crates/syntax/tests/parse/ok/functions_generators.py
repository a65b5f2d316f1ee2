def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield 5
    z = yield from other()
    yield from range(3)
    w = (yield)
    f((yield 1))
    print((yield from g()))
    return (yield)
    await_ = yield *a, b
