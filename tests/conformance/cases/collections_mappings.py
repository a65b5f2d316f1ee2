# defaultdict, Counter (most_common, arithmetic, comparisons, elements,
# total) and OrderedDict (move_to_end, popitem(last=...), order-aware ==),
# with their reprs, used to tally what a few worker tasks did.
import asyncio
from collections import Counter, OrderedDict, defaultdict


async def worker(name, jobs, done, tally):
    for job in jobs:
        await asyncio.sleep(len(job) / 10)
        done[name].append(job)
        tally[job[0]] += 1


async def main():
    done = defaultdict(list)
    tally = Counter()
    await asyncio.gather(
        worker("w1", ["alpha", "beta", "apple"], done, tally),
        worker("w2", ["bee", "avocado"], done, tally),
    )
    print(done)
    print(dict(done), done["w3"], sorted(done))
    print(tally, tally.most_common(1), tally.total())

    words = Counter("mississippi")
    print(words, words.most_common(), words.most_common(2), words["z"])
    print(sorted(words.elements()))
    other = Counter(s=2, p=5, q=1)
    print(words + other, words - other, words | other, words & other)
    print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
    words.update("sip")
    words.subtract({"i": 10})
    print(words)
    words += Counter()
    print(words, Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(), Counter([]) == Counter())
    del words["nothing"]
    counts = Counter({"x": 2})
    counts.update({"x": 3, "y": 1})
    print(counts, counts.copy(), repr(Counter(a=0)))
    try:
        Counter.fromkeys("ab")
    except NotImplementedError as exc:
        print("NotImplementedError", exc)

    nested = defaultdict(lambda: defaultdict(int))
    nested["a"]["b"] += 2
    print(nested["a"], defaultdict(None, {1: 2}), defaultdict(), defaultdict(int, k=3))
    plain = defaultdict()
    try:
        plain["missing"]
    except KeyError as exc:
        print("KeyError", exc)
    try:
        defaultdict("not callable")
    except TypeError as exc:
        print("TypeError", exc)
    copy = done.copy()
    print(type(copy).__name__, copy.default_factory, copy == done)

    order = OrderedDict()
    for key in "dbca":
        order[key] = ord(key)
    order.move_to_end("b")
    order.move_to_end("a", last=False)
    print(order, list(order), order.popitem(), order.popitem(last=False))
    print(order == OrderedDict([("c", 99), ("d", 100)]), order == OrderedDict([("d", 100), ("c", 99)]))
    print(order == {"c": 99, "d": 100}, OrderedDict(), OrderedDict.fromkeys("xy", 0))
    empty = OrderedDict()
    for attempt in (empty.popitem, lambda: empty.move_to_end("q")):
        try:
            attempt()
        except KeyError as exc:
            print("KeyError", repr(exc))


asyncio.run(main())
