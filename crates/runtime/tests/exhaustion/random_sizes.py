# random.choices(k=...) and random.randbytes(n) with sizes no memory holds are
# refused before anything is allocated
import random

for make in [
    lambda: random.choices(range(10), k=10**9),
    lambda: random.randbytes(10**10),
]:
    try:
        make()
    except MemoryError as e:
        print("MemoryError", repr(e))
print(len(random.choices(range(10), k=1000)), len(random.randbytes(1000)))
