# Loopscope's _thread: the scheduler of simulated threads, the same as
# tests/conformance/record.py's, which imposes it on CPython's real threads
# (see "Threads" in its documentation). The threads run one at a time: a
# thread runs until it blocks (a lock it cannot take, time.sleep, the
# loop's selector waiting); then the first thread of the ready queue runs,
# or, when none is ready, the clock moves to the earliest deadline and the
# thread waiting for it runs. A lock's release hands it to its first waiter.
# It runs in the namespace of the native module (asyncio/thread_switch.rs):
# _spawn, _run, _suspend, _current, _now, _set_clock and _deadlock.

import heapq as _heapq
from collections import deque as _deque

__all__ = ['allocate_lock', 'start_new_thread', 'get_ident', 'get_native_id',
           'LockType', 'TIMEOUT_MAX', 'error', 'stack_size']

TIMEOUT_MAX = 9223372036.0
error = RuntimeError
# What the threads' identifiers read: CPython's are addresses and thread
# ids of the system, different from run to run.
_MAIN_IDENT = 140000000000000
_IDENT_STEP = 8392704
_MAIN_NATIVE_ID = 4242


class _Thread:
    def __init__(self, index):
        self.index = index
        self.ident = _MAIN_IDENT + index * _IDENT_STEP
        self.native_id = _MAIN_NATIVE_ID + index
        self.sentinel = None


class _Waiter:
    def __init__(self, thread):
        self.thread = thread
        self.done = False
        self.granted = False
        self.on_timeout = None


class _Scheduler:
    def __init__(self):
        self.threads = {0: _Thread(0)}
        self.ready = _deque()
        self.timers = []
        self.seq = 0
        # The main thread's waiter per loop whose selector waits, and the
        # loops whose self-pipe got a byte since their selector last looked.
        self.selecting = {}
        self.pipes = set()
        self.spawned = False

    def current(self):
        return self.threads[_current()]

    def make_ready(self, waiter, granted):
        waiter.done = True
        waiter.granted = granted
        self.ready.append(waiter.thread)

    def add_timer(self, deadline, waiter):
        self.seq += 1
        _heapq.heappush(self.timers, (deadline, self.seq, waiter))

    def _next(self, loop):
        while not self.ready:
            if not self.timers:
                _deadlock(loop)
            deadline, _, waiter = _heapq.heappop(self.timers)
            if waiter.done:
                continue
            _set_clock(deadline)
            if waiter.on_timeout is not None:
                waiter.on_timeout()
            self.make_ready(waiter, False)
        return self.ready.popleft()

    def block(self, loop=None):
        me = self.current()
        if me.index:
            _suspend()
            return
        while True:
            following = self._next(loop)
            if following is me:
                return
            if _run(following.index):
                if following.sentinel is not None:
                    following.sentinel.release()
                del self.threads[following.index]

    def yield_to_ready(self):
        if self.ready:
            self.ready.append(self.current())
            self.block()


_scheduler = _Scheduler()


def _started():
    return _scheduler.spawned


def _sleep(seconds):
    # time.sleep: True when the caller, another thread's native call, must
    # suspend itself (_suspend is valid only at that thread's own depth).
    s = _scheduler
    me = s.current()
    s.add_timer(_now() + seconds, _Waiter(me))
    if me.index:
        return True
    s.block()
    return False


def _select(loop, timeout):
    # The loop's selector: the ready threads run first; then, unless a
    # thread wrote to the self-pipe meanwhile, the main thread waits until
    # the timeout or a write.
    s = _scheduler
    s.pipes.discard(loop)
    s.yield_to_ready()
    if loop in s.pipes or (timeout is not None and timeout <= 0):
        s.pipes.discard(loop)
        return
    waiter = _Waiter(s.current())
    s.selecting[loop] = waiter
    if timeout is not None:
        s.add_timer(_now() + timeout, waiter)
    s.block(loop)
    del s.selecting[loop]
    s.pipes.discard(loop)


def _wake_loop(loop):
    # call_soon_threadsafe's byte on the self-pipe.
    s = _scheduler
    s.pipes.add(loop)
    waiter = s.selecting.get(loop)
    if waiter is not None and not waiter.done:
        s.make_ready(waiter, True)


class lock:
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
            _scheduler.add_timer(_now() + timeout, waiter)
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

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

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


LockType = lock
allocate_lock = lock


def start_new_thread(function, args, kwargs=None):
    if not callable(function):
        raise TypeError("first arg must be callable")
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")

    def bootstrap():
        function(*args, **(kwargs or {}))

    thread = _Thread(_spawn(bootstrap))
    _scheduler.spawned = True
    _scheduler.threads[thread.index] = thread
    _scheduler.ready.append(thread)
    return thread.ident


def get_ident():
    return _scheduler.current().ident


def get_native_id():
    return _scheduler.current().native_id


def _set_sentinel():
    sentinel = lock()
    _scheduler.current().sentinel = sentinel
    return sentinel


def stack_size(size=0):
    return 0


def _count():
    return len(_scheduler.threads) - 1
