# The last reference to a structure nested 100,000 deep, dropped in one go: freeing
# it must not recurse natively once per level (CPython's "trashcan" frees it in a
# loop; so does Loopscope, object/teardown.rs).
N = 100_000


def free(kind, make):
    value = None
    for _ in range(N):
        value = make(value)
    del value
    print(kind, "freed")


free("list", lambda inner: [inner])
free("tuple", lambda inner: (inner,))
free("dict", lambda inner: {"inner": inner})
free("list in a tuple in a dict", lambda inner: {"k": ([inner],)})


def link(inner):
    def closure():
        return inner

    return closure


free("closure", link)
free("default", lambda inner: lambda value=inner: value)


class Node:
    def __init__(self, inner):
        self.inner = inner


free("instance", Node)
free("set", lambda inner: {Node(inner)})
free("list iterator", lambda inner: iter([inner]))
free("map", lambda inner: map(abs, inner or []))
free("generator", lambda inner: (x for x in inner or []))


def chained(inner):
    try:
        raise ValueError from inner
    except ValueError as error:
        return error


free("exception cause", chained)
