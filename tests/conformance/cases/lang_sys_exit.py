# sys.exit inside the main coroutine: SystemExit ends the program with its status, no traceback
import asyncio, sys
async def main():
    await asyncio.sleep(1)
    print("exiting")
    sys.exit(2)
asyncio.run(main())
