# Loopscope's atexit: functions registered to run when the program ends, the
# last registered first, before the interpreter's shutdown clears the main
# module (program.rs calls _run_exitfuncs once the program has ended, if
# atexit was imported). An exception a function raises is reported as
# CPython's "Exception ignored in atexit callback" and the next one runs.

import sys as _sys

_exithandlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            import traceback
            print(f"Exception ignored in atexit callback: {func!r}", file=_sys.stderr)
            traceback.print_exception(e)
