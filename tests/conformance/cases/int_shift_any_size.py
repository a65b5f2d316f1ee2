# Shifts of big ints by any amount as CPython computes them: a right shift past the operand's length is 0 or -1, a left shift past 4,000,000 bits is an int, not MemoryError; shifting zero by a huge amount is 0.
x = 1 << 3_000_000
print((x >> 2_000_000).bit_length(), (-x >> 2_500_000).bit_length(), -x >> 4_000_000, x >> 3_000_000, x >> 3_000_001)
print((1 << 5_000_000).bit_length(), (-3 << 4_500_000).bit_length(), (x << 1_000_000) >> 4_000_000)
print(-5 >> 10**12, 5 >> 10**12, 0 << 10**13, -1 >> 10**30, 0 >> 10**30)
y = 7 << 10**6
for _ in range(300):
    y = (y << 3) >> 3
print(y.bit_length(), y == 7 << 10**6)
try:
    1 << -1
except ValueError as error:
    print("ValueError", error)
try:
    (1 << 100) >> -2
except ValueError as error:
    print("ValueError", error)
