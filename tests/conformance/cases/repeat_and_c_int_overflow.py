# Sequence repetition past a C Py_ssize_t (OverflowError for str and bytes, MemoryError for the others) and arguments CPython converts to a C int
for seq in ["ab", b"ab", [1], (1,), bytearray(b"x"), ""]:
    for n in [10**30, -10**30, 2**62, 2**63 - 1]:
        try:
            r = seq * n
            print(type(seq).__name__, "ok", len(r))
        except (OverflowError, MemoryError) as e:
            print(type(seq).__name__, type(e).__name__, e)
for text in ["\tx", b"\tx", "no tabs", b"no tabs"]:
    for size in [10**12, 2**31, 3, -2**31]:
        try:
            print(repr(text.expandtabs(size)))
        except OverflowError as e:
            print("OverflowError", e)
print(repr("abc".expandtabs(50_000_000)))
import sys
for limit in [10**30, 2**31]:
    try:
        sys.setrecursionlimit(limit)
    except OverflowError as e:
        print("OverflowError", e)
print(sys.getrecursionlimit())
