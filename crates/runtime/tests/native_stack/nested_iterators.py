# map, zip and filter nested deeper than the recursion limit: pulling an item
# recurses once per link. CPython 3.11 pulls through 1,200 (and crashes,
# segmentation fault, at a hundred thousand); Loopscope raises RecursionError at
# the recursion limit, so the native stack stays bounded. Chains below it work
for name, wrap in [
    ("map", lambda it: map(abs, it)),
    ("zip", lambda it: zip(it)),
    ("filter", lambda it: filter(None, it)),
]:
    it = iter([1])
    for _ in range(1200):
        it = wrap(it)
    try:
        next(it)
    except RecursionError as e:
        print(name, "RecursionError:", e)
it = iter([-1, -2])
for _ in range(500):
    it = map(abs, it)
print(list(it))
