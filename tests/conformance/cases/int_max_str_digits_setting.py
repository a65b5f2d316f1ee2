# sys.get_int_max_str_digits/set_int_max_str_digits and sys.int_info: the int/str conversion limit, its errors and its checks of the new value
import sys
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
x = 10 ** 5000
try:
    str(x)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(0)
print(len(str(x)))
sys.set_int_max_str_digits(640)
try:
    int("9" * 641)
except ValueError as e:
    print("ValueError", e)
for v in [1, 639, -1, 10**20]:
    try:
        sys.set_int_max_str_digits(v)
        print(v, "set", sys.get_int_max_str_digits())
    except (ValueError, OverflowError) as e:
        print(v, type(e).__name__, e)
sys.set_int_max_str_digits(4300)
print(len(hex(x)), int("f" * 5000, 16).bit_length())
try:
    f"{x}"
except ValueError as e:
    print("ValueError", e)
try:
    "%d" % x
except ValueError as e:
    print("ValueError", e)
try:
    repr(x)
except ValueError as e:
    print("ValueError", e)
try:
    print(format(x, "x")[:10])
    format(x, ",")
except ValueError as e:
    print("ValueError", e)
