# fuzz false positive: a program's own SystemExit ends the run with its code (& 0xff, as
# CPython's process on POSIX), which the fuzzer took for an engine defect
import sys
import asyncio

async def main():
    await asyncio.sleep(1)
    sys.exit(300)

try:
    asyncio.run(main())
except SystemExit as e:
    print("exit", e.code)
raise SystemExit(42)
