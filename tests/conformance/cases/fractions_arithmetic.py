# fractions.Fraction (CPython's fractions.py): construction, arithmetic, comparison, hashing, rounding, errors; numbers ABCs; sys.hash_info.
import sys
from fractions import Fraction
import numbers
import math
print(sys.hash_info.modulus, sys.float_info.epsilon, sys.float_info.max, sys.version_info.minor, type(sys.hash_info).__name__)
a, b = Fraction(1, 3), Fraction("2/7")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-b), a // b, a % b, divmod(a, b))
print(repr(a), str(Fraction(6, 4)), Fraction(0.75), Fraction("3.1415"), Fraction(" -1.5e-2 "), Fraction(5))
print(a < b, a == Fraction(2, 6), a == 1/3, hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)), hash(a))
print(Fraction(355, 113).limit_denominator(10), Fraction.from_float(0.1), Fraction(0.1).limit_denominator())
print(float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(a, 3), math.floor(Fraction(-7, 2)), math.ceil(a))
print(a.numerator, a.denominator, a.as_integer_ratio(), Fraction(3, 1).is_integer() if hasattr(Fraction, "is_integer") else "-")
print(isinstance(a, numbers.Rational), isinstance(3, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1.5, numbers.Rational))
print(sum([Fraction(1, n) for n in range(1, 6)]), a + 1, 1 + a, a + 0.5, 2 ** Fraction(1, 2), Fraction(1, 2) ** -2)
print(f"{float(Fraction(22, 7)):.5f}", max(a, b), sorted([b, a, Fraction(0)]))
for bad in ["1/0", "abc"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
