# struct's half-precision 'e' format and math.frexp on subnormal doubles, zero and the edges of half's range
import math
import struct

for x in (65504.1e-320, 5e-324, 2.2250738585072014e-308, 1e-300, 2.0 ** -25, 2.0 ** -24, 3 * 2.0 ** -25, -0.0, 6.1e-5, 65504.0, 65519.99):
    print(repr(x), struct.pack("<e", x), math.frexp(x))
for x in (65520.0, 1e300):
    try:
        struct.pack("<e", x)
    except OverflowError as e:
        print(repr(x), "OverflowError:", e)
print(math.frexp(float("inf")), math.frexp(-math.inf), math.frexp(float("nan")))
