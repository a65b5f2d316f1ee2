# Reference cycles made in a loop are reclaimed by the automatic collector (its
# thresholds, as CPython's): 160 MB of cycles run in a 16 MiB budget. The same
# loop with the collector disabled ends in MemoryError, which shows the budget bites.
# limit memory_bytes 16777216
import gc


def saved_exception():
    payload = [0] * 1000
    try:
        raise ValueError("cycle")
    except ValueError as e:
        saved = e


def tuple_cycle():
    items = [0] * 1000
    items.append((items,))


for make in [saved_exception, tuple_cycle]:
    for i in range(20000):
        make()
    print(make.__name__, "done")

gc.disable()
try:
    for i in range(20000):
        saved_exception()
except MemoryError:
    print("disabled: MemoryError")
gc.enable()
gc.collect()
