# gc's argument errors and thresholds, as CPython's
import gc

for call in [
    lambda: gc.collect(3),
    lambda: gc.collect(-1),
    lambda: gc.collect("a"),
    lambda: gc.collect(1, 2),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold(1.5),
    lambda: gc.enable(1),
    lambda: gc.get_count(1),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(gc.collect(generation=1) >= 0, gc.collect(True) >= 0)
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5, 7)
print(gc.get_threshold())
print(gc.garbage, gc.callbacks, type(gc.get_count()), len(gc.get_count()))
