# time.sleep past what CPython's 64-bit nanosecond clock holds is OverflowError, checked before NaN's and the sign's errors
import time

for secs in [float("inf"), float("-inf"), 1e300, -1e300, 9223372036.854776, 2**63, 10**30,
             -(10**30), 9223372037, float("nan"), -1, -0.5, True, 0.25]:
    try:
        time.sleep(secs)
        print(repr(secs), "slept; now", time.monotonic() > 0)
    except (OverflowError, ValueError) as e:
        print(repr(secs), type(e).__name__, e)
