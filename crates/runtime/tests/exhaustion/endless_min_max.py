# max() of an endless iterator: CPython runs forever in constant memory, so the engine
# must stop at the instruction limit, also inside try/except BaseException (max() and
# min() consumed their iterable into a list, ending in MemoryError at the sequence cap).
# limit instructions_without_yield 100000
# limit max_sequence_len 1000
import itertools

try:
    print(max(itertools.count()))
except BaseException as e:
    print("caught", type(e).__name__)
