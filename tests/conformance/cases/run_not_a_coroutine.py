# asyncio.run with a plain value raises ValueError (uncaught: traceback, exit 1)
import asyncio


def compute():
    return 42


print("about to run")
asyncio.run(compute())
