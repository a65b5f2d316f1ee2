# math.fsum: intermediate overflow raises, infinities and NaNs are summed apart
import math

print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([0.0, -0.0]), math.fsum([-0.0]), math.fsum([1e308, -1e308, 5.0]))
cases = [
    [float("inf"), 1.0, 2.0],
    [float("-inf"), 1e308, 1e308],
    [float("nan"), 1.0],
    [float("inf"), float("nan")],
    [1e308, 1e308, -1e308],
    [-1e308, -1e308],
    [float("inf"), float("-inf")],
    [1e308, float("inf"), 1e308],
    [float("inf"), float("inf"), 1.0],
]
for values in cases:
    try:
        print(math.fsum(values))
    except (OverflowError, ValueError) as error:
        print(type(error).__name__, error)
