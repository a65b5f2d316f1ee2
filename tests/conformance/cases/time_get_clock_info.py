# time.get_clock_info: each clock as CPython on Linux describes it, and an unknown clock's ValueError
import time

for name in ["monotonic", "perf_counter", "process_time", "thread_time", "time"]:
    info = time.get_clock_info(name)
    print(name, info)
    print(" ", info.implementation, info.monotonic, info.adjustable, info.resolution)
try:
    time.get_clock_info("sundial")
except ValueError as e:
    print("ValueError:", e)
