# min() and max() take their iterable an item at a time: each item's key is called before the next item is made, as CPython's min_max does; errors and defaults as CPython's
def numbers():
    for i in [3, 1, 2]:
        print("yield", i)
        yield i


def key(x):
    print("key", x)
    return -x


print(max(numbers(), key=key))
print(min(numbers()))
print(min(iter([]), default="empty"))
for empty in [[], iter(()), (x for x in [])]:
    try:
        max(empty)
    except ValueError as e:
        print(e)


class Unreadable:
    def __iter__(self):
        raise KeyError("no iterator")


try:
    max(Unreadable())
except KeyError as e:
    print("KeyError", e)
try:
    max(1)
except TypeError as e:
    print(e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
print(max(3, 1, 2), min("b", "a"), max([1, 2], [1, 3]), max((x for x in [5, 9, 2]), key=None))
try:
    max([1, "a"])
except TypeError as e:
    print(e)


def stops_early():
    yield 1
    raise RuntimeError("midway")


try:
    print(min(stops_early(), key=key))
except RuntimeError as e:
    print("RuntimeError", e)
