# Event: runners wait for the starting signal, then all go at once
import asyncio


async def runner(name, start_signal, speed):
    print(f"{name} is ready")
    await start_signal.wait()
    await asyncio.sleep(10 / speed)
    print(f"{name} finished")


async def main():
    start_signal = asyncio.Event()
    runners = [asyncio.create_task(runner(n, start_signal, s)) for n, s in (("Ann", 4), ("Bob", 5), ("Cat", 2))]
    await asyncio.sleep(3)
    print("ready, set... GO!")
    start_signal.set()
    await asyncio.gather(*runners)


asyncio.run(main())
