# Messages name the library types CPython writes in C by their dotted names
# (collections.deque, collections.OrderedDict, datetime.timedelta...), while
# Counter, written in Python, and a program's own subclasses keep plain names.
import collections
import datetime


class History(collections.deque):
    pass


attempts = [
    lambda: hash(collections.deque()),
    lambda: collections.deque() < [],
    lambda: collections.OrderedDict() + 1,
    lambda: collections.defaultdict() - 1,
    lambda: collections.Counter() + 1,
    lambda: History() < [],
    lambda: datetime.timedelta(1) + 1,
    lambda: datetime.date(2020, 1, 1) < 3,
    lambda: len(datetime.time()),
    lambda: datetime.datetime(2020, 1, 1) - "1",
    lambda: datetime.timezone.utc * 2,
    lambda: collections.deque().missing,
]
for attempt in attempts:
    try:
        print("no error:", attempt())
    except Exception as exc:
        print(type(exc).__name__, exc)
print(collections.deque.__name__, datetime.timedelta.__qualname__, repr(collections.deque), datetime.date)
print(collections.deque[int], collections.defaultdict[str, int], collections.OrderedDict[str, int], collections.Counter[str])
