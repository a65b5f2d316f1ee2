# l = l + l, l += l, l.extend(l) and slice assignment double a list past the
# engine's 10,000,000-item cap: MemoryError inside the program, as CPython
# raises when its allocation fails, instead of an allocator abort
def grow(step):
    l = [0]
    try:
        while True:
            l = step(l)
    except MemoryError as e:
        print(step.__name__, "MemoryError", repr(e), len(l) <= 10_000_000)


def concatenate(l):
    return l + l


def add_in_place(l):
    l += l
    return l


def extend(l):
    l.extend(l)
    return l


def slice_assign(l):
    l[:0] = l
    return l


for step in [concatenate, add_in_place, extend, slice_assign]:
    grow(step)
