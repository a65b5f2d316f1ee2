"""What CPython writes in C and Loopscope in Python: helpers of the builtins,
run as library code (hidden from tracebacks)."""


async def anext_default(awaitable, default):
    """`await anext(it, default)`."""
    try:
        return await awaitable
    except StopAsyncIteration:
        return default


async def _wrap_awaitable(awaitable):
    """asyncio.ensure_future's wrapper of an awaitable that is neither a
    future nor a coroutine."""
    return await awaitable
