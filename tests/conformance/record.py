#!/usr/bin/env python3
"""Record what CPython prints for a Loopscope program, on a virtual clock.

This is the oracle of the conformance suite: it runs a program under the real
CPython 3.11 (stdlib only) with time made virtual, and writes the
*expectation* that the Loopscope engine must reproduce byte for byte
(`loopscope run --timestamps`, see crates/cli/tests/conformance.rs).

Usage
-----
    python3 tests/conformance/record.py [--seed N] PROGRAM.py
        print PROGRAM's expectation to stdout
    python3 tests/conformance/record.py [--seed N] -o OUT PROGRAM.py
        write it to the file OUT
    python3 tests/conformance/record.py --all [--check]
        re-record every case (tests/conformance/cases/NAME.py ->
        cases/NAME.expected), every example (assets/examples/NAME.py ->
        tests/conformance/examples/NAME.expected) and every composed program
        (crates/composer/tests/generated/NAME.py ->
        tests/conformance/composed/NAME.expected); with --check, write
        nothing and report the expectations that differ (exit status 1)

Semantics
---------
Virtual clock.  A float `now`, starting at 0.0 seconds.  time.time(),
time.monotonic() and time.perf_counter() return `now`; time.time_ns(),
time.monotonic_ns() and time.perf_counter_ns() return round(now * 1e9)
(Python's round: half to even).  time.sleep(s) does `now += s` (it blocks the
whole program, event loop included, as in real CPython; an s CPython's clock
cannot hold raises its ValueError or OverflowError, a negative s
ValueError('sleep length must be non-negative')).

Wall clock.  `now` is also the wall clock, in seconds since the Unix epoch:
a program starts at 1970-01-01 00:00:00 UTC, and the time zone is UTC (the
child runs with TZ=UTC).  time.localtime(), time.gmtime(), time.ctime(),
time.asctime() and time.strftime(fmt) without a time argument use `now`;
datetime.datetime.now() and utcnow() are `fromtimestamp(now)` and
`utcfromtimestamp(now)` (date.today() and datetime.today() already ask
time.time()); logging's start time (relativeCreated) is 0.0.

The process.  os.getpid() is 4242 (PID) and os.getppid() 4241, os.cpu_count()
is 4 (CPU_COUNT), os.getcwd() is /home/loopscope (CWD; the program still runs
in its own directory), os.environ is empty (the program may still set
variables), os.urandom(n) is
`random.Random(SEED).randbytes(n)` from a generator of its own (so it does not
disturb `random`'s sequence, and uuid.uuid4() follows it), sys.argv is the
program's bare file name followed by its pinned arguments (see Arguments), and
sys.getrecursionlimit() reads 1000 as in `python3 PROGRAM` (the recorder's own
frames below the program are not counted).  asyncio's debug log names the
selector EpollSelector, and a loop's repr (print(loop), debug mode's "Close
<...>", the "unclosed event loop" ResourceWarning) names _UnixSelectorEventLoop
of asyncio.unix_events: the classes a real loop would use.

Event loop.  asyncio's default policy is replaced so that asyncio.run(),
asyncio.new_event_loop() and asyncio.get_event_loop() all build a
VirtualEventLoop: a SelectorEventLoop whose time() is `now` and whose
selector never waits.  `select(timeout)` polls the real selector with timeout
0 (so the loop's self-pipe keeps working); if that reports nothing it does
`now += timeout`, the very float addition the engine must reproduce (asyncio
computes `timeout = min(max(0, when - now), 86400)` before calling select, so
the clock lands on `now + (when - now)`, which need not equal `when`).  The
loop keeps CPython's real `_clock_resolution` of 1e-09 s
(time.get_clock_info('monotonic').resolution): timers whose deadline is below
`now + 1e-09` are due.  `select(None)` with nothing ready means that nothing
can ever happen again (no ready callback, no timer, the main coroutine not
done): CPython would hang forever.  The recorder then ends the program:
the pending partial stdout line is written (stamped), `<deadlock>` is written
on a line of its own to stderr, and the exit status is 3.

Threads.  Real threads interleave with the loop differently from run to run
(recording one program ten times gave three outputs), so the recorder runs
the program's threads one at a time, in an order that depends only on the
program: a scheduler hands a baton from thread to thread.  A thread runs
until it blocks: a lock it cannot take, time.sleep, or the loop's selector
waiting.  Then the first thread of a FIFO ready queue runs; when none is
ready, the clock moves to the earliest deadline (a sleep's end, a timed
wait's timeout, the selector's timeout; equal deadlines in the order they
were set) and the thread waiting for it runs.  To make every wait visible
to the scheduler, threading's locks are replaced by a Python lock on it
(`_KLock`, shown as `_thread.lock`; release hands the lock to its first
waiter, acquire with timeout 0 never waits), so Condition, Event,
Semaphore, Barrier, Thread.join (through the thread's sentinel lock,
released when the thread ends) and queue's queues wait on it; RLock is
threading's Python RLock on those locks, shown as `_thread.RLock`;
queue.SimpleQueue is queue's Python version under the C one's name
(`_queue.SimpleQueue`); threading's and queue's timeouts read the virtual
clock.  A new thread joins the back of the ready queue (Thread.start then
waits for it to start, so it runs before its starter goes on).
time.sleep(s) in any thread waits until `now + s`.  The selector first
lets the ready threads run; if none of them called call_soon_threadsafe
(which writes the loop's self-pipe) and the timeout is not 0, the main
thread waits until `now + timeout` or such a write.  A `select(None)` or
a lock wait that nothing can end is a deadlock (see Event loop).  At exit, CPython
joins the threads that are not daemons (threading._shutdown) before the
program's last line is stamped.  The engine's threads follow the same
scheduler (crates/runtime/src/asyncio/python/_thread.py).

Sockets.  A call on a blocking socket (no timeout) that has nothing to
read -- recv, recv_into, recvfrom, recvfrom_into, accept -- would wait for
another program's move: the recorder ends the program as a deadlock, as the
engine does (its loopback network has no other program; a thread of the
program that would make it ready is not waited for).  So does a
select.select() or an epoll's poll (selectors' SelectSelector and
EpollSelector) without a timeout when nothing is ready; with a timeout they
return at once (a real wait would not move the virtual clock anyway).

Seeding.  Before the program runs, random.seed(SEED) is called.  SEED is, by
priority: the --seed option; a pin `# loopscope: seed=N` on a line of its own
among the program's first 5 lines; the engine's default seed 0.

Arguments.  A program may pin its command-line arguments with a line
`# loopscope: args=ARG ARG ...` among its first 5 lines (split at whitespace,
no quoting); they follow the program name in sys.argv, as after
`loopscope run PROGRAM.py ARG ARG ...`.

Running.  The program's directory becomes the current directory.  The source
is compiled with the program's bare file name (e.g. `gather_basic.py`) as its
filename, so tracebacks and warnings name that file, with
ast.PyCF_ALLOW_TOP_LEVEL_AWAIT.  It runs as the `__main__` module in a fresh
namespace (`__name__`, `__file__` = the bare file name, `__builtins__`).
Top-level await (notebook style): if the compiled module code is itself a
coroutine (its co_flags has CO_COROUTINE, i.e. `await`, `async for` or `async
with` appear outside any function), the module body runs as
`asyncio.run(eval(code, namespace))`: it is the main task, Task-1, and its
coroutine is named `<module>`.  The string hash seed is fixed
(PYTHONHASHSEED=0) but cases must not rely on the order of str-keyed sets.

Output.  Each stdout line is stamped with the virtual time at which it was
completed (when its '\\n' was written), formatted f"{now:.3f} " + line.  A
final line without '\\n' is stamped when the program exits and keeps its
missing newline.  stderr is kept unstamped, normalized as follows: in every
traceback (uncaught exception, "Task exception was never retrieved",
"Exception in callback", exception groups with their `| ` margins, ...) each
`File "..."` entry whose file is not the program's bare file name is dropped
together with its source line and its caret line (`^^^^` / `~~^~~`) if any;
everything else is kept verbatim.  The engine only prints frames of the
program file, so this is exactly what it must print.

Exit status.  0 when the program ends normally, 1 on an uncaught exception
(traceback printed like CPython's default excepthook, then normalized) and on
a SyntaxError (printed as `python3 PROGRAM` prints it, without a traceback
header), 3 on a deadlock.

Expectation file format (UTF-8 text), after a first line saying how to
regenerate it (HEADER; the runner checks it and skips it):

    # Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-cli --test conformance
    status 0
    --- stdout
    0.000 Hello
    1.000 World
    --- stderr
    <the normalized stderr, verbatim, up to the end of the file>

Every stdout line in the file starts with its stamp, so no stdout line can be
mistaken for a marker.  When the program's stdout does not end with '\\n', the
last stamped line is followed by '\\n' and the marker line
`\\ No newline at end of stdout`.  stderr is the file's last section: the
file ends exactly where stderr ends (a stderr without a final '\\n' gives a
file without one).  A deadlock's stderr ends with the line `<deadlock>`.
"""

import argparse
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES_DIR = HERE / "cases"
EXAMPLES_DIR = REPO / "assets" / "examples"
EXAMPLE_EXPECTATIONS_DIR = HERE / "examples"
COMPOSED_DIR = REPO / "crates" / "composer" / "tests" / "generated"
COMPOSED_EXPECTATIONS_DIR = HERE / "composed"

DEFAULT_SEED = 0
SEED_PIN = re.compile(r"#\s*loopscope:\s*seed\s*=\s*(-?\d+)\s*")
ARGS_PIN = re.compile(r"#\s*loopscope:\s*args\s*=(.*)")
SEED_PIN_LINES = 5
# What the process looks like to the program (documented above).
PID = 4242
CPU_COUNT = 4
CWD = "/home/loopscope"
DEADLOCK_STATUS = 3
DEADLOCK_MARKER = "<deadlock>\n"
NO_NEWLINE_MARKER = "\\ No newline at end of stdout\n"
STAMP = re.compile(r"\d+\.\d{3} ")
# The first line of every expectation (crates/golden): how to regenerate it.
HEADER = "# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-cli --test conformance\n"
# Real seconds a recording may take before it is declared hung.
RECORD_TIMEOUT = 60


# ---------------------------------------------------------------------------
# The child: runs one program on the virtual clock (`record.py --child`).
# ---------------------------------------------------------------------------

now = 0.0


def _install_virtual_time(stdout):
    """Patch the time module and asyncio's loop policy onto `now`.

    STDOUT is the program's StampedStdout, finished on a deadlock."""
    import asyncio
    import selectors
    import threading
    import time

    def virtual_seconds():
        return now

    def virtual_nanoseconds():
        return round(now * 1e9)

    timeout_check = threading.Lock()

    def virtual_sleep(seconds):
        # CPython's own conversion of a timeout (_PyTime_FromSecondsObject), which
        # time.sleep does first: its errors for NaN, a type that is no number and a
        # value past 64-bit nanoseconds. A free lock's acquire converts its timeout
        # the same way and returns at once; its own checks after that are not sleep's.
        try:
            timeout_check.acquire(True, seconds)
            timeout_check.release()
        except ValueError as error:
            if "NaN" in str(error):
                raise
        except OverflowError as error:
            if str(error) != "timeout value is too large":
                raise
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        _scheduler.sleep(seconds)

    time.time = time.monotonic = time.perf_counter = virtual_seconds
    time.time_ns = time.monotonic_ns = time.perf_counter_ns = virtual_nanoseconds
    time.sleep = virtual_sleep
    _install_scheduler(stdout, virtual_seconds)
    _install_virtual_wall_clock(time)

    class EpollSelector(selectors.DefaultSelector):
        """A selector that never waits: waiting advances the virtual clock."""

        waiter = None

        def select(self, timeout=None):
            _scheduler.yield_to_ready()
            events = super().select(0)
            if events or (timeout is not None and timeout <= 0):
                return events
            self.waiter = _Waiter(_scheduler.current())
            self.waiter.on_timeout = lambda: None
            if timeout is not None:
                _scheduler.add_timer(now + timeout, self.waiter)
            _scheduler.block()
            self.waiter = None
            return super().select(0)

    class VirtualEventLoop(asyncio.SelectorEventLoop):
        def __init__(self):
            super().__init__(EpollSelector())

        def time(self):
            return now

        def _write_to_self(self):
            super()._write_to_self()
            waiter = getattr(self._selector, "waiter", None)
            if waiter is not None and not waiter.done:
                _scheduler.make_ready(waiter, True)

    VirtualEventLoop.__name__ = VirtualEventLoop.__qualname__ = "_UnixSelectorEventLoop"
    VirtualEventLoop.__module__ = "asyncio.unix_events"

    class VirtualEventLoopPolicy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = VirtualEventLoop

    asyncio.set_event_loop_policy(VirtualEventLoopPolicy())



# ---------------------------------------------------------------------------
# Threads, one at a time (see "Threads" above).
# ---------------------------------------------------------------------------

class _KThread:
    """A thread as the scheduler sees it: GO is held until it may run."""

    def __init__(self, real_lock):
        self.go = real_lock()
        self.go.acquire()
        self.sentinel = None
        self.woken_by = None


class _Waiter:
    """One thread blocked on one thing, until a release or a deadline."""

    def __init__(self, thread):
        self.thread = thread
        self.done = False
        self.granted = False


class _Scheduler:
    """Runs the program's threads one at a time, deterministically.

    A thread runs until it blocks (a lock it cannot take, time.sleep, the
    loop's selector waiting); then the first thread of the ready queue runs,
    or, when none is ready, the clock moves to the earliest deadline."""

    def __init__(self, stdout):
        import _thread
        import collections
        self._real_lock = _thread.allocate_lock
        self._get_ident = _thread.get_ident
        self._stdout = stdout
        self.ready = collections.deque()
        self.timers = []
        self.seq = 0
        self.threads = {self._get_ident(): _KThread(self._real_lock)}

    def current(self):
        return self.threads[self._get_ident()]

    def make_ready(self, waiter, granted):
        """End WAITER's wait (GRANTED: by a release, else by its deadline)."""
        waiter.done = True
        waiter.granted = granted
        self.ready.append(waiter.thread)

    def add_timer(self, deadline, waiter):
        import heapq
        self.seq += 1
        heapq.heappush(self.timers, (deadline, self.seq, waiter))

    def _next(self):
        global now
        import heapq
        while not self.ready:
            if not self.timers:
                self.deadlock()
            deadline, _, waiter = heapq.heappop(self.timers)
            if waiter.done:
                continue
            if deadline > now:
                now = deadline
            waiter.on_timeout()
            self.make_ready(waiter, False)
        return self.ready.popleft()

    def deadlock(self):
        """Nothing can ever happen again: end the program (see Event loop)."""
        self._stdout.finish()
        sys.__stderr__.write(DEADLOCK_MARKER)
        sys.__stderr__.flush()
        os._exit(DEADLOCK_STATUS)

    def block(self):
        """The current thread waits until one of its waiters is done."""
        me = self.current()
        following = self._next()
        if following is not me:
            following.go.release()
            me.go.acquire()

    def yield_to_ready(self):
        """Let the ready threads run until they block (the caller is ready)."""
        if self.ready:
            self.ready.append(self.current())
            following = self.ready.popleft()
            following.go.release()
            self.current().go.acquire()

    def sleep(self, seconds):
        waiter = _Waiter(self.current())
        waiter.on_timeout = lambda: None
        self.add_timer(now + seconds, waiter)
        self.block()

    def start_new_thread(self, real_start, function, args, kwargs=None):
        thread = _KThread(self._real_lock)
        self.ready.append(thread)

        def bootstrap():
            self.threads[self._get_ident()] = thread
            thread.go.acquire()
            try:
                function(*args, **(kwargs or {}))
            finally:
                if thread.sentinel is not None:
                    thread.sentinel.release()
                del self.threads[self._get_ident()]
                self._next().go.release()

        return real_start(bootstrap, ())

    def sentinel(self):
        lock = _KLock()
        self.current().sentinel = lock
        return lock


_scheduler = None


class _KLock:
    """threading's Lock on the scheduler: a blocked acquire lets others run;
    release hands the lock to the first waiter."""

    def __init__(self):
        self._locked = False
        self._waiters = []

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if blocking and timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking or timeout == 0:
            return False
        waiter = _Waiter(_scheduler.current())
        self._waiters.append(waiter)
        waiter.on_timeout = lambda: self._waiters.remove(waiter)
        if timeout > 0:
            _scheduler.add_timer(now + timeout, waiter)
        _scheduler.block()
        return waiter.granted

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        if self._waiters:
            _scheduler.make_ready(self._waiters.pop(0), True)
        else:
            self._locked = False

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters = []

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {hex(id(self))}>"


_KLock.__module__ = "_thread"
_KLock.__name__ = _KLock.__qualname__ = "lock"



def _shown_as_c_rlock(python_rlock):
    """threading's Python RLock (built on the scheduler's locks) with the
    name and repr of the C one it stands for."""

    class RLock(python_rlock):
        def __repr__(self):
            state = "locked" if self._block.locked() else "unlocked"
            return (f"<{state} _thread.RLock object owner={self._owner or 0} "
                    f"count={self._count} at {hex(id(self))}>")

    RLock.__module__ = "_thread"
    return RLock


def _install_scheduler(stdout, virtual_seconds):
    """threading, queue and concurrent.futures on the scheduler."""
    global _scheduler
    import _thread
    import queue
    import threading

    _scheduler = _Scheduler(stdout)
    real_start = _thread.start_new_thread

    def start_new_thread(function, args, kwargs=None):
        return _scheduler.start_new_thread(real_start, function, args, kwargs)

    threading._start_new_thread = _thread.start_new_thread = start_new_thread
    threading._allocate_lock = threading.Lock = _thread.allocate_lock = _KLock
    threading._CRLock = _shown_as_c_rlock(threading._PyRLock)
    threading._set_sentinel = _scheduler.sentinel
    threading._time = queue.time = virtual_seconds

    class SimpleQueue(queue._PySimpleQueue):
        pass

    SimpleQueue.__module__ = "_queue"
    queue.SimpleQueue = SimpleQueue


def _install_virtual_wall_clock(time):
    """time's calendar functions, datetime's now() and logging on `now`."""
    import ctypes
    import datetime
    import gc
    import logging

    def at_now(real):
        def virtual(secs=None):
            return real(now if secs is None else secs)
        virtual.__name__ = real.__name__
        return virtual

    time.localtime = at_now(time.localtime)
    time.gmtime = at_now(time.gmtime)
    time.ctime = at_now(time.ctime)
    real_asctime, real_strftime = time.asctime, time.strftime

    def asctime(t=None):
        return real_asctime(time.localtime() if t is None else t)

    def strftime(format, t=None):
        return real_strftime(format, time.localtime() if t is None else t)

    time.asctime, time.strftime = asctime, strftime

    def set_type_attribute(cls, name, value):
        # datetime's types are static: write their dict, then drop the caches.
        gc.get_referents(cls.__dict__)[0][name] = value
        ctypes.pythonapi.PyType_Modified(ctypes.py_object(cls))

    def datetime_now(cls, tz=None):
        return cls.fromtimestamp(now, tz)

    def datetime_utcnow(cls):
        return cls.utcfromtimestamp(now)

    set_type_attribute(datetime.datetime, "now", classmethod(datetime_now))
    set_type_attribute(datetime.datetime, "utcnow", classmethod(datetime_utcnow))
    logging._startTime = now


def _install_blocking_sockets():
    """A blocking call or a select with nothing to read is a deadlock (see Sockets)."""
    import select
    import socket

    def guarded(name):
        real = getattr(socket.socket, name)

        def call(self, *args, **kwargs):
            if (self.gettimeout() is None and self.fileno() >= 0
                    and not select.select([self], [], [], 0)[0]):
                _scheduler.deadlock()
            return real(self, *args, **kwargs)

        setattr(socket.socket, name, call)

    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into", "_accept"):
        guarded(name)

    import selectors
    real_select = select.select

    def select_at_once(rlist, wlist, xlist, timeout=None):
        ready = real_select(rlist, wlist, xlist, 0)
        if timeout is None and not any(ready):
            _scheduler.deadlock()
        return ready

    real_epoll = select.epoll

    class epoll:
        """select.epoll (whose type takes no subclass), its poll not waiting."""

        def __init__(self, *args, **kwargs):
            self._real = real_epoll(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self._real, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._real.close()

        def poll(self, timeout=None, maxevents=-1):
            events = self._real.poll(0, maxevents)
            if not events and (timeout is None or timeout < 0):
                _scheduler.deadlock()
            return events

    select.select = selectors.SelectSelector._select = select_at_once
    select.epoll = selectors.EpollSelector._selector_cls = epoll


def _install_process(program, args, seed):
    """The process as the program sees it: see "The process" above."""
    import operator
    import random

    sys.argv = [program, *args]
    urandom_generator = random.Random(seed)

    def urandom(size):
        if operator.index(size) < 0:
            raise ValueError("negative argument not allowed")
        return urandom_generator.randbytes(size)

    os.urandom = urandom
    os.getpid = lambda: PID
    os.getppid = lambda: PID - 1
    os.getcwd = lambda: CWD
    os.cpu_count = lambda: CPU_COUNT
    os.environ = os._Environ({}, os.environ.encodekey, os.environ.decodekey,
                             os.environ.encodevalue, os.environ.decodevalue)


def _install_recursion_limit(offset):
    """sys's recursion limit as `python3 PROGRAM` reports it: OFFSET frames of
    the recorder sit below the program."""
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit

    def getrecursionlimit():
        return real_get() - offset

    def setrecursionlimit(limit):
        if not isinstance(limit, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(limit).__name__)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        real_set(limit + offset)

    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit


class StampedStdout:
    """sys.stdout for the program: writes each completed line with its stamp.

    It looks like the real sys.stdout where a program can see it: the same
    name, mode, encoding and repr (a logging.StreamHandler on sys.stdout
    shows its stream's name).
    """

    name = "<stdout>"
    mode = "w"
    encoding = "utf-8"
    errors = "strict"

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"

    def __init__(self, real):
        self._real = real
        self._partial = ""

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        *complete, self._partial = (self._partial + text).split("\n")
        for line in complete:
            self._real.write(f"{now:.3f} {line}\n")
        if complete:
            # A line printed by a destructor late in the interpreter's
            # shutdown comes after the last flush of the real stream.
            self._real.flush()
        return len(text)

    def flush(self):
        self._real.flush()

    def finish(self):
        """Write the last, unterminated line (if any): the program has ended."""
        if self._partial:
            self._real.write(f"{now:.3f} {self._partial}")
            self._partial = ""
        self._real.flush()

    def writable(self):
        return True

    def isatty(self):
        return False


def run_child(program, seed, args):
    """Run PROGRAM (a bare file name in the current directory) as __main__."""
    import asyncio
    import atexit
    import inspect
    import random
    import types

    source = Path(program).read_text(encoding="utf-8")
    try:
        code = compile(source, program, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError as error:
        # As `python3 PROGRAM` reports it: no traceback header, status 1.
        import traceback
        sys.stderr.write("".join(traceback.format_exception_only(error)))
        sys.exit(1)
    main = types.ModuleType("__main__")
    main.__file__ = program
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    sys.path[0] = os.getcwd()
    _install_process(program, args, seed)

    stdout = StampedStdout(sys.stdout)
    _install_virtual_time(stdout)
    _install_blocking_sockets()
    sys.stdout = stdout
    atexit.register(stdout.finish)
    random.seed(seed)

    # `python3 PROGRAM` starts the program one frame deep; here the recorder's
    # own frames sit below it, so the recursion limit grows by their number.
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    sys.setrecursionlimit(sys.getrecursionlimit() + depth + 1)
    _install_recursion_limit(depth + 1)

    if code.co_flags & inspect.CO_COROUTINE:
        asyncio.run(eval(code, main.__dict__))
    else:
        exec(code, main.__dict__)


# ---------------------------------------------------------------------------
# The parent: runs the child, normalizes, formats the expectation.
# ---------------------------------------------------------------------------

FILE_LINE = re.compile(r'(?P<margin>[ |]*)File "(?P<file>[^"]*)", line \d+, in .*')


def normalize_stderr(stderr, program):
    """Drop traceback entries of files other than PROGRAM (see the docstring)."""
    lines = stderr.split("\n")
    kept = []
    i = 0
    while i < len(lines):
        match = FILE_LINE.fullmatch(lines[i])
        if match is None or match["file"] == program:
            kept.append(lines[i])
            i += 1
            continue
        # A foreign frame: skip it, its source line and its caret line.
        body = match["margin"] + "  "
        i += 1
        if i < len(lines) and _is_source_line(lines[i], body):
            i += 1
            if i < len(lines) and re.fullmatch(re.escape(body) + r" *[~^]+", lines[i]):
                i += 1
    return "\n".join(kept)


def _is_source_line(line, body):
    return line.startswith(body) and line[len(body):len(body) + 1] not in ("", " ")


def pinned(program_path, pin):
    """The match of PIN on one of the program's first lines, if any."""
    with open(program_path, encoding="utf-8") as f:
        for _, line in zip(range(SEED_PIN_LINES), f):
            match = pin.fullmatch(line.rstrip("\n"))
            if match:
                return match
    return None


def seed_for(program_path, seed_option):
    if seed_option is not None:
        return seed_option
    match = pinned(program_path, SEED_PIN)
    return int(match[1]) if match else DEFAULT_SEED


def args_for(program_path):
    match = pinned(program_path, ARGS_PIN)
    return match[1].split() if match else []


def record(program_path, seed_option=None):
    """Run PROGRAM_PATH under the child and return its expectation text."""
    program_path = Path(program_path).resolve()
    seed = seed_for(program_path, seed_option)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1", TZ="UTC")
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--seed", str(seed), program_path.name]
    try:
        child = subprocess.run(
            command + ["--", *args_for(program_path)],
            cwd=program_path.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=RECORD_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise SystemExit(f"record.py: {program_path}: still running after {RECORD_TIMEOUT} s (an endless loop?)")
    stdout = child.stdout.decode("utf-8")
    stderr = normalize_stderr(child.stderr.decode("utf-8"), program_path.name)
    for line in stdout.split("\n"):
        if line and not STAMP.match(line):
            raise SystemExit(f"record.py: {program_path}: unstamped stdout line (printed during interpreter shutdown?): {line!r}")
    return format_expectation(child.returncode, stdout, stderr)


def format_expectation(status, stdout, stderr):
    text = f"{HEADER}status {status}\n--- stdout\n{stdout}"
    if stdout and not stdout.endswith("\n"):
        text += "\n" + NO_NEWLINE_MARKER
    return text + "--- stderr\n" + stderr


def all_programs():
    """(program, expectation) pairs of every case, example and composed program."""
    pairs = [(p, p.with_suffix(".expected")) for p in sorted(CASES_DIR.glob("*.py"))]
    pairs += [(p, EXAMPLE_EXPECTATIONS_DIR / (p.stem + ".expected")) for p in sorted(EXAMPLES_DIR.glob("*.py"))]
    pairs += [(p, COMPOSED_EXPECTATIONS_DIR / (p.stem + ".expected")) for p in sorted(COMPOSED_DIR.glob("*.py"))]
    return pairs


def record_all(check):
    programs = all_programs()
    differing = []
    for program, expectation in programs:
        text = record(program)
        if check:
            if not expectation.exists() or expectation.read_bytes() != text.encode("utf-8"):
                differing.append(expectation)
                print(f"differs: {expectation.relative_to(REPO)}")
        else:
            expectation.parent.mkdir(parents=True, exist_ok=True)
            expectation.write_bytes(text.encode("utf-8"))
    print(f"{len(programs)} programs, {len(differing)} differing" if check else f"recorded {len(programs)} programs")
    return 1 if differing else 0


def main():
    if sys.implementation.name != "cpython" or sys.version_info[:3] != (3, 11, 7):
        raise SystemExit(f"record.py: the oracle is CPython 3.11.7, this is {sys.version.split()[0]}")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("program", nargs="?", help="the program to record")
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, help="random.seed for the program (default: its pin, else 0)")
    parser.add_argument("-o", "--output", help="write the expectation to this file instead of stdout")
    parser.add_argument("--all", action="store_true", help="re-record every case, example and composed program")
    parser.add_argument("--check", action="store_true", help="with --all: compare instead of writing")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        run_child(args.program, args.seed, args.args)
        return 0
    if args.all:
        return record_all(args.check)
    if args.program is None:
        parser.error("a PROGRAM (or --all) is required")
    text = record(args.program, args.seed)
    if args.output:
        Path(args.output).write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
