# ints beyond CPython's 4300-digit limit for decimal (and any non-power-of-two base) conversions
big = 10**5000
print(len(hex(big)), big.bit_length(), int("f" * 5000, 16) > 0, int("1" * 4300) % 97)
print(len(str(10**4299)), int("1_0" * 1433 + "1") % 7, int(" " + "9" * 4300 + "\n") % 11)
attempts = [
    lambda: int("6" * 10**6, 7),
    lambda: int("9" * 4301),
    lambda: int("1_0" * 2200),
    lambda: int("z" * 5000, 36),
    lambda: str(big),
    lambda: repr(-big),
    lambda: f"{big}",
    lambda: "%d" % big,
    lambda: str(10**4300),
    lambda: print(2**20000),
]
for attempt in attempts:
    try:
        attempt()
        print("no error")
    except ValueError as error:
        print("ValueError:", error)
print(int("1" * 5000, 2) > 0, int("7" * 5000, 8) > 0, int("v" * 3000, 32) > 0)
