# math.factorial, comb and perm past 20,000 factors (no Loopscope-only cap: a product tree) and CPython's C-long bounds on their arguments
import math
f = math.factorial(30000)
print(f.bit_length(), f % 1000000007, f == math.perm(30000))
print(math.comb(100000, 50000) % 998244353, math.comb(10**30, 3) % 10**9)
print(math.perm(10**25, 2), math.perm(50000, 25000).bit_length())
print(math.comb(60, 30), math.factorial(0), math.factorial(20), math.perm(5, 0), math.comb(5, 7))
for call, args in [(math.factorial, (10**20,)), (math.comb, (10**30, 10**20)), (math.perm, (10**30, 10**20)),
                   (math.factorial, (-1,)), (math.comb, (-1, 2)), (math.perm, (3, -1))]:
    try:
        print(call(*args))
    except (OverflowError, ValueError) as e:
        print(call.__name__, type(e).__name__, e)
