# math.log, log2 and log10 of ints too large for a float (CPython's loghelper: log of the frexp mantissa plus e times log 2), of nan, and their domain errors
import math
print(math.log(float('nan')), math.log2(float('nan')), math.log(float('inf')))
print(math.log(10**1000), math.log2(2**5000), math.log10(10**400), math.log(2**1024-1), math.log(2**1024), math.log(10**1000, 10), math.log(10**400, 2**2000), math.log2(2**63+1), math.log10(3**700))
print(math.log(2**64), math.log((2**53+1) * 2**2000), math.log2((2**54-1) * 2**3000), math.log10(7**1000), math.log(10**20))
for v in (-10**400, 0, -1, 0.0, -0.0):
    try: math.log(v)
    except ValueError as e: print(e)
    try: math.log2(v)
    except ValueError as e: print(e)
