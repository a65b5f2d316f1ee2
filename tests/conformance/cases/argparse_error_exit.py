# loopscope: args=3 --delay soon
# argparse exits with status 2 and CPython's usage and message on stderr
# when the command line is wrong, before any task runs.
import argparse
import asyncio

parser = argparse.ArgumentParser(prog="sleeper", description="Sleep COUNT times.")
parser.add_argument("count", type=int)
parser.add_argument("--delay", type=float, default=0.5, help="seconds per sleep")
args = parser.parse_args()


async def main():
    for _ in range(args.count):
        await asyncio.sleep(args.delay)
    print("done")


asyncio.run(main())
