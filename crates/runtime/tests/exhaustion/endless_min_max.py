# max() and min() of an endless iterator: CPython runs forever in constant memory, so the
# engine must stop at the instruction limit (they consumed it into a list, ending in
# MemoryError at the sequence cap), and inside try/except as outside.
# limit instructions_without_yield 100000
# limit max_sequence_len 1000
import itertools

try:
    print(min(itertools.count(), key=lambda n: -n))
except BaseException as e:
    print("caught", type(e).__name__)
print(max(itertools.count()))
