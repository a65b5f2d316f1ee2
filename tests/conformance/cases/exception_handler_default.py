# the default exception handler's text: call_exception_handler and default_exception_handler with extra keys sorted, an empty message, an exception never raised, a handler that raises, a handler that defers to the default, set_exception_handler(None)
import asyncio


def raising_handler(loop, context):
    print("raising_handler got:", context["message"])
    raise OSError("handler broke")


def deferring_handler(loop, context):
    print("deferring_handler got:", context["message"])
    loop.default_exception_handler(context)


def boom():
    raise LookupError("in callback")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({"message": "plain", "zeta": [1, 2], "alpha": "a"})
    loop.call_exception_handler({"message": "", "exception": ValueError("never raised")})
    loop.default_exception_handler({"message": "direct", "exception": None, "n": 3})
    try:
        int("x")
    except ValueError as e:
        loop.call_exception_handler({"message": "caught one", "exception": e})
    loop.set_exception_handler(raising_handler)
    loop.call_exception_handler({"message": "first"})
    loop.call_soon(boom)
    await asyncio.sleep(0)
    loop.set_exception_handler(deferring_handler)
    loop.call_soon(boom)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())
    loop.call_soon(boom)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
