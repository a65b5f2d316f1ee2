# functools.lru_cache counts the miss of the call whose function then passes the recursion limit, as CPython's C wrapper does (bounded, unbounded and maxsize=0 caches)
import functools
import sys

sys.setrecursionlimit(100)
for maxsize in [None, 32, 0]:

    @functools.lru_cache(maxsize=maxsize)
    def climb(n):
        return climb(n + 1) + 1

    try:
        climb(0)
    except RecursionError as e:
        print(maxsize, "RecursionError", e)
    print(climb.cache_info())

    @functools.lru_cache(maxsize=maxsize)
    def named(word):
        return named(word + "x") + 1

    try:
        named("")
    except RecursionError:
        print(maxsize, "RecursionError")
    print(named.cache_info())
