"""Runs a program in Pyodide on the conformance recorder's virtual clock.

tests/conformance/record.py replaces the event loop by a SelectorEventLoop whose selector
never waits: waiting `timeout` seconds adds it to the clock. Pyodide has no socketpair,
so a SelectorEventLoop cannot start there; this loop is BaseEventLoop itself, the same
_run_once, with that selector's arithmetic (`record.now += timeout`), and prints through
the recorder's own StampedStdout. Both do the same work per loop iteration; the
benchmark checks that they print the same bytes.
"""

import asyncio
import io
import random
import sys

import record


class VirtualSelector:
    """What _run_once selects on: nothing is ever ready, waiting moves the clock."""

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("deadlock: nothing is ready and no timer is pending")
        record.now += timeout
        return []


class VirtualEventLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = VirtualSelector()

    def _process_events(self, event_list):
        pass

    def time(self):
        return record.now


class VirtualEventLoopPolicy(asyncio.events.BaseDefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


def run(source, filename):
    """Runs SOURCE as __main__ from virtual time 0; returns its stamped stdout."""
    record.now = 0.0
    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())
    written = io.StringIO()
    stdout = record.StampedStdout(written)
    random.seed(record.DEFAULT_SEED)
    real_stdout, sys.stdout = sys.stdout, stdout
    # Pyodide's own loop (WebLoop) counts as running: asyncio.run() would refuse to start.
    pyodide_loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        code = compile(source, filename, "exec")
        exec(code, {"__name__": "__main__", "__file__": filename, "__builtins__": __builtins__})
    finally:
        asyncio.events._set_running_loop(pyodide_loop)
        sys.stdout = real_stdout
    stdout.finish()
    return written.getvalue()
