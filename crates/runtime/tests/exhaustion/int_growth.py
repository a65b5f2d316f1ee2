# Big ints grow inside one native operation: a product is as long as its factors
# together, so it is checked against the memory budget (lowered to 16 MiB here; 1 GiB
# by default) before it is computed, and what multiplying costs counts against the
# instruction limit (lowered to 2,000,000 here), which stops a squaring loop whose
# last steps would take minutes each long before they would reach the budget.
# limit memory_bytes 16777216
# limit instructions_without_yield 2000000
import random

a = int.from_bytes(b"\xff" * 6_000_000, "big")
print("a has", a.bit_length(), "bits")
try:
    a * a
except MemoryError:
    print("a * a: MemoryError")
try:
    random.getrandbits(200_000_000)
except MemoryError:
    print("getrandbits: MemoryError")
del a
n = 3
steps = 0
while True:
    n = n * n
    steps += 1
    print("squared", steps, "times")
