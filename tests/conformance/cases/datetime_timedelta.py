# datetime.timedelta: construction (ints, floats, rounding), normalization, repr/str, arithmetic, comparisons, errors
from datetime import timedelta

cases = [timedelta(), timedelta(1), timedelta(days=-1, seconds=5), timedelta(days=2, microseconds=5), timedelta(microseconds=-1),
         timedelta(hours=1.5), timedelta(seconds=0.1), timedelta(milliseconds=1.5), timedelta(microseconds=0.5), timedelta(microseconds=1.5),
         timedelta(microseconds=-0.5), timedelta(days=0.1, seconds=0.2, microseconds=0.3), timedelta(weeks=1, days=-1, hours=-25.25),
         timedelta(minutes=-1), timedelta(seconds=86399.9999995), timedelta(days=1e-6), timedelta.max, timedelta.min, timedelta.resolution]
for td in cases:
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td))
a, b = timedelta(hours=5), timedelta(days=1, minutes=3)
print(a + b, b - a, a - b, -a, +a, abs(a - b), a * 3, 3 * a, a * 0.3, a * -1.5, b / 3, b / 7, b / 0.7, b / a, b // a, b % a, divmod(b, a), b // 7)
print(a < b, a <= b, a > b, a >= b, a == timedelta(seconds=18000), a != b, a == 5, hash(a) == hash(timedelta(hours=5)), sorted([b, a, -a]))
print(timedelta(seconds=1) / 3, timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=3) * 0.5)
print(sum([timedelta(minutes=m) for m in range(5)], timedelta()), max(a, b), {a: 1}[timedelta(hours=5)])
for bad in [lambda: timedelta(days=1e9), lambda: timedelta(days=10 ** 9), lambda: timedelta("1"),
            lambda: a / 0, lambda: a // 0, lambda: timedelta.max + timedelta(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
