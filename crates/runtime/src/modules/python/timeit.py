# Loopscope's timeit: CPython 3.11.7's Timer (Lib/timeit.py, PSF license) for
# statements given as callables, timed by time.perf_counter, the virtual
# clock. CPython compiles a string statement into a function run a million
# times by default; here a string other than "pass" is refused, naming it.

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _as_callable(code, what):
    if isinstance(code, str):
        if code.strip() in ("", "pass"):
            return None
        raise NotImplementedError(
            f"timeit in Loopscope times callables only, not the {what} "
            f"string {code!r}")
    if callable(code):
        return code
    raise ValueError(f"{what} is neither a string nor callable")


class Timer:

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        self.src = None
        self._setup = _as_callable(setup, "setup")
        self._stmt = _as_callable(stmt, "stmt")

    def inner(self, _it, _timer):
        if self._setup is not None:
            self._setup()
        stmt = self._stmt
        _t0 = _timer()
        if stmt is None:
            for _i in _it:
                pass
        else:
            for _i in _it:
                stmt()
        _t1 = _timer()
        return _t1 - _t0

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        it = itertools.repeat(None, number)
        gcold = gc.isenabled()
        gc.disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if gcold:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        r = []
        for i in range(repeat):
            t = self.timeit(number)
            r.append(t)
        return r

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
