# int.__sizeof__ (a 24-byte header and at least one 4-byte digit of 30 bits) and float.__sizeof__, on bools and subclasses too
for v in [0, 1, 5, -5, 2**30 - 1, 2**30, 2**60, -2**100, 10**100, True, False]:
    print(v, v.__sizeof__(), int.__sizeof__(v))
print((1.5).__sizeof__(), float("inf").__sizeof__(), float.__sizeof__(2.0))


class Count(int):
    pass


print(Count(5).__sizeof__(), hasattr(3, "__sizeof__"))
