# timeit on the virtual clock: default_timer is time.perf_counter, timeit/repeat with a callable and number, setup callables, a Timer whose statement sleeps, and a string statement (CPython compiles it; shown is only its type)
import time
import timeit

calls = []


def work():
    calls.append(1)


print(timeit.default_timer is time.perf_counter, timeit.default_number, timeit.default_repeat)
print(timeit.timeit(work, number=5), len(calls))
print(timeit.repeat(work, repeat=3, number=2), len(calls))
print(timeit.timeit(lambda: time.sleep(0.01), number=3))
t = timeit.Timer(lambda: time.sleep(0.5), setup=lambda: calls.clear())
print(t.timeit(number=2), len(calls), time.perf_counter())
print(t.repeat(2, 1))
print(timeit.Timer(work).timeit(number=0))
print(timeit.Timer(lambda: time.sleep(0.1)).autorange())
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError:", e)
try:
    timeit.Timer(work, setup=3)
except ValueError as e:
    print("ValueError:", e)
print(type(timeit.timeit("pass", number=10)).__name__)
