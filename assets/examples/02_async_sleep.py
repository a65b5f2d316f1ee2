# Async kitchen: the same orders with asyncio.sleep overlap, so they take as long as the slowest
import asyncio
import time


async def cook(dish, minutes):
    print(f"start {dish}")
    await asyncio.sleep(minutes)  # hands control back to the event loop
    print(f"{dish} is ready")
    return dish


async def main():
    start = time.perf_counter()
    dishes = await asyncio.gather(cook("soup", 3), cook("pasta", 2), cook("salad", 1))
    print("served:", dishes)
    print(f"all dishes done after {time.perf_counter() - start:.1f} seconds")


asyncio.run(main())
