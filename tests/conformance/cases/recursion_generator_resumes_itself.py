# a generator that resumes a new copy of itself recurses until RecursionError
def g(n):
    yield next(g(n + 1))


def deep(n):
    # Plain calls first, so that only the last few levels nest next() natively.
    if n == 0:
        return next(g(0))
    return deep(n - 1)


for depth in (990, 980):
    try:
        deep(depth)
    except RecursionError as error:
        print("caught", type(error).__name__, error)
print("still running")
