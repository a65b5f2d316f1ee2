# Blocking kitchen: time.sleep freezes the whole program, so orders are cooked one after another
import time


def cook(dish, minutes):
    print(f"start {dish}")
    time.sleep(minutes)  # nothing else can happen while we sleep
    print(f"{dish} is ready")
    return dish


start = time.perf_counter()
cook("soup", 3)
cook("pasta", 2)
cook("salad", 1)
print(f"all dishes done after {time.perf_counter() - start:.1f} seconds")
