# a line is stamped when its newline is printed, not when it was started
import asyncio


async def main():
    print("progress:", end="")
    for _ in range(3):
        await asyncio.sleep(0.5)
        print(" #", end="", flush=True)
    print()
    print("a", "b", sep="-", end="!\n")
    print("multi\nline", "output")
    await asyncio.sleep(1)
    print("unfinished line at exit", end="")


asyncio.run(main())
