# math's hyperbolic functions, log1p/expm1/exp2, fmod, modf, frexp, ldexp (subnormals, overflow), nextafter, ulp, dist and lcm, with CPython's domain and range errors
import math
vals = [0.0, -0.0, 0.5, -1.5, 1.0, 2.0, 710.0, -745.5, 1e-310, 5e-324, 1e308, float("inf"), float("-inf"), float("nan"), 3]
for name in ["sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "log1p", "expm1", "exp2", "modf", "frexp", "ulp"]:
    out = []
    for v in vals:
        try:
            out.append(repr(getattr(math, name)(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))
for args in [(5.5, 2), (-5.5, 2), (1, 0), (float("inf"), 2), (3, float("inf")), (0.0, 1)]:
    try:
        print("fmod", args, math.fmod(*args))
    except ValueError as e:
        print("fmod", args, e)
for args in [(1.5, 3), (1.0, 1024), (1.0, -1074), (1.0, -1075), (0.75, -1074), (3.0, -1080), (1.0, 10**100), (1.0, -10**100), (-2.0, 5)]:
    try:
        print("ldexp", args[0], math.ldexp(*args))
    except OverflowError as e:
        print("ldexp", e)
try:
    math.ldexp(1.0, 2.0)
except TypeError as e:
    print(e)
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0), math.nextafter(-1.0, 0))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6, 10))
for bad in [lambda: math.dist((1,), (1, 2)), lambda: math.dist(1, 2), lambda: math.lcm(1.5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(math.tanh(0.5) * 2 - 1, 1 / (1 + math.exp(-0.3)), [round(math.sinh(x), 12) for x in (0.1, 1, 3)])
