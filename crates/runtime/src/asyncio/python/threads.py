# The Python half of Loopscope's asyncio.threads: to_thread, from CPython
# 3.11.7's Lib/asyncio/threads.py (PSF license), and the parts of
# base_events.py's BaseEventLoop that use the default executor
# (run_in_executor, set_default_executor, shutdown_default_executor and
# close's shutdown), which the loop's native methods call with the loop and
# its index. The executor's workers are Loopscope's simulated threads. It
# runs in the namespace of the asyncio.threads submodule, given the
# package's get_running_loop and wrap_future.

import contextvars

__all__ = "to_thread",

# Per loop index: its default executor, and whether its shutdown was called.
_default_executors = {}
_executor_shutdown_called = set()


async def to_thread(func, /, *args, **kwargs):
    import functools
    loop = get_running_loop()
    ctx = contextvars.copy_context()
    func_call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)


def _run_in_executor(loop, index, executor, func, args):
    import concurrent.futures
    if executor is None:
        executor = _default_executors.get(index)
        if index in _executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')
        if executor is None:
            executor = concurrent.futures.ThreadPoolExecutor(
                thread_name_prefix='asyncio'
            )
            _default_executors[index] = executor
    return wrap_future(executor.submit(func, *args), loop=loop)


def _set_default_executor(index, executor):
    import concurrent.futures
    if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
        raise TypeError('executor must be ThreadPoolExecutor')
    _default_executors[index] = executor


# CPython's BaseEventLoop.shutdown_default_executor: defined in a class of that name so its
# coroutine's qualified name is CPython's (task reprs; the page hides the task by it).
class BaseEventLoop:
    async def shutdown_default_executor(loop, index):
        _executor_shutdown_called.add(index)
        if _default_executors.get(index) is None:
            return
        import threading
        future = loop.create_future()
        thread = threading.Thread(target=_do_shutdown, args=(loop, index, future))
        thread.start()
        try:
            await future
        finally:
            thread.join()


_shutdown_default_executor = BaseEventLoop.shutdown_default_executor
del BaseEventLoop


def _do_shutdown(loop, index, future):
    try:
        _default_executors[index].shutdown(wait=True)
        if not loop.is_closed():
            loop.call_soon_threadsafe(future.set_result, None)
    except Exception as ex:
        if not loop.is_closed():
            loop.call_soon_threadsafe(future.set_exception, ex)


def _close(index):
    _executor_shutdown_called.add(index)
    executor = _default_executors.pop(index, None)
    if executor is not None:
        executor.shutdown(wait=False)
