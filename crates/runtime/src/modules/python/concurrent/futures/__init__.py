# Loopscope's concurrent.futures: CPython 3.11.7's package (PSF license)
# with its _base and thread modules as they are, so ThreadPoolExecutor's
# workers are Loopscope's simulated threads (threading, _thread). Processes
# are not simulated: a ProcessPoolExecutor can be made, used as a context
# manager and shut down, but submit() and map() raise NotImplementedError
# naming the call (docs/differences.md). ThreadPoolExecutor is imported with
# the package (CPython imports it at first use).

import os as _os

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


class ProcessPoolExecutor(Executor):
    __module__ = 'concurrent.futures.process'

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = _os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers

    def _not_simulated(self, what):
        return NotImplementedError(
            f"ProcessPoolExecutor.{what}() runs a function in another process, "
            "which Loopscope does not simulate; see docs/differences.md")

    def submit(self, fn, /, *args, **kwargs):
        raise self._not_simulated("submit")

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        raise self._not_simulated("map")
