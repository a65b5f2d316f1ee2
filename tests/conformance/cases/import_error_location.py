# A failed import inside a coroutine: the traceback shows the whole statement, without carets, as CPython 3.11 locates imports
import asyncio


async def load(name):
    await asyncio.sleep(0.1)
    try:
        from json import not_there
    except ImportError as error:
        print("from-import:", type(error).__name__)
    try:
        import json as j, no_such_module as n
    except ModuleNotFoundError as error:
        print("import:", error)
    import no_such_plugin


asyncio.run(load("plugins"))
