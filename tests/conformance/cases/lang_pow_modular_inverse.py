# three-argument pow with a negative exponent uses the base's modular inverse, as CPython 3.8+
print(pow(2, -1, 5), pow(3, -2, 7), pow(-3, -1, 7), pow(38, -1, 97))
print(pow(2, -1, -5), pow(3, -1, 1), pow(4, -1, -1), pow(0, 0, 7), pow(5, 3, -7))
print(pow(10**20 + 1, -1, 10**9 + 7), pow(7, -3, 2**61 - 1))
for base, mod in [(2, 4), (0, 5), (6, 9)]:
    try:
        pow(base, -1, mod)
    except ValueError as error:
        print(base, mod, "ValueError:", error)
