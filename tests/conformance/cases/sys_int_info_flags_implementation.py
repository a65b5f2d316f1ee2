# sys.int_info, sys.flags (as the recorder's python3 runs) and sys.implementation, their reprs, fields and types
import sys

print(sys.int_info)
print(sys.flags)
print(sys.implementation)
print(sys.int_info.bits_per_digit, sys.flags.optimize, sys.implementation.name, sys.implementation.cache_tag)
print(type(sys.implementation).__name__, type(sys.flags).__name__, sys.flags[3], len(sys.flags))
print(sys.implementation.version == sys.version_info, sys.implementation.hexversion == sys.hexversion)
print(sys.flags.dev_mode, sys.int_info[:2], isinstance(sys.int_info, tuple))
try:
    type(sys.flags)()
except TypeError as e:
    print("TypeError:", e)
from sys import implementation
print(implementation is sys.implementation)
