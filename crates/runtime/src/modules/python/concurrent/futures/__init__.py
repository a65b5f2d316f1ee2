# Loopscope's concurrent.futures: the names programs import beside asyncio
# (executors, Future, wait, as_completed, the exceptions). A simulated
# program has one thread and one process, so an executor can be made, used
# as a context manager and shut down, but submit() and map() raise
# NotImplementedError naming the call, as asyncio's run_in_executor() does
# (docs/differences.md). A Future set by the program itself works.

import os as _os

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'CancelledError', 'TimeoutError', 'BrokenExecutor', 'Future',
           'Executor', 'wait', 'as_completed', 'ProcessPoolExecutor',
           'ThreadPoolExecutor')

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Error(Exception):
    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    __module__ = 'concurrent.futures._base'


class InvalidStateError(Error):
    __module__ = 'concurrent.futures._base'


class BrokenExecutor(RuntimeError):
    __module__ = 'concurrent.futures._base'


TimeoutError = TimeoutError


def _never_finishes(what):
    # Only another thread could finish the future: CPython would hang.
    return RuntimeError(f"{what} would block the only thread forever "
                        "(no other thread can finish the future)")


class Future:
    __module__ = 'concurrent.futures._base'

    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def __repr__(self):
        where = f"<Future at {hex(id(self))} state={self._state.lower()}"
        if self._state == _FINISHED:
            if self._exception:
                return f"{where} raised {type(self._exception).__name__}>"
            return f"{where} returned {type(self._result).__name__}>"
        return where + ">"

    def cancel(self):
        if self._state == _FINISHED:
            return False
        if self._state != _CANCELLED:
            self._state = _CANCELLED
            self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return False

    def done(self):
        return self._state != _PENDING

    def _outcome(self, what, timeout):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state == _PENDING:
            if timeout is None:
                raise _never_finishes(f"Future.{what}()")
            raise TimeoutError()

    def result(self, timeout=None):
        self._outcome('result', timeout)
        if self._exception:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._outcome('exception', timeout)
        return self._exception

    def add_done_callback(self, fn):
        if self._state == _PENDING:
            self._done_callbacks.append(fn)
        else:
            fn(self)

    def set_running_or_notify_cancel(self):
        return self._state != _CANCELLED

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._exception = exception
        self._state = _FINISHED
        self._invoke_callbacks()

    def _invoke_callbacks(self):
        callbacks, self._done_callbacks = self._done_callbacks, []
        for callback in callbacks:
            callback(self)


def _not_simulated(what, where):
    return NotImplementedError(
        f"{what} runs a function in another {where}, which Loopscope does not "
        "simulate (it would interleave with the event loop differently from run "
        "to run); see docs/differences.md")


class Executor:
    __module__ = 'concurrent.futures._base'
    _runs_in = 'thread'

    def submit(self, fn, /, *args, **kwargs):
        raise _not_simulated(f"{type(self).__name__}.submit()", self._runs_in)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        raise _not_simulated(f"{type(self).__name__}.map()", self._runs_in)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    __module__ = 'concurrent.futures.thread'
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (_os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    f"ThreadPoolExecutor-{ThreadPoolExecutor._next()}")

    @classmethod
    def _next(cls):
        n = cls._counter
        cls._counter += 1
        return n


class ProcessPoolExecutor(Executor):
    __module__ = 'concurrent.futures.process'
    _runs_in = 'process'

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = _os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers


def _split(fs):
    done = [f for f in fs if f.done()]
    return done, [f for f in fs if not f.done()]


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done, pending = _split(fs)
    if pending and timeout is None and (return_when == ALL_COMPLETED or not done):
        raise _never_finishes("concurrent.futures.wait()")
    return set(done), set(pending)


def as_completed(fs, timeout=None):
    done, pending = _split(list(dict.fromkeys(fs)))
    yield from done
    if pending:
        if timeout is None:
            raise _never_finishes("concurrent.futures.as_completed()")
        raise TimeoutError(f"{len(pending)} (of {len(done) + len(pending)}) futures unfinished")
