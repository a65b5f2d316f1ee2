# Allocations that pass the run's memory budget (lowered to 256 MiB here; 1 GiB by
# default) end with MemoryError inside the program, whichever way they grow: a few
# big lists, or many small ones in a dict
# limit memory_bytes 268435456
try:
    big = [[0] * 10**7 for _ in range(100)]
except MemoryError as e:
    print("lists of ten million:", repr(e))
try:
    many = {i: [0] * 1000 for i in range(10**6)}
except MemoryError as e:
    print("a dict of small lists:", repr(e))
# what the failed comprehensions built is freed: the program can go on
kept = [[0] * 1000 for _ in range(1000)]
print(len(kept), sum(map(len, kept)))
