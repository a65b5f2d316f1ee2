# Loopscope's threading: the one thread a simulated program has.
#
# A simulated process runs on MainThread alone (its native_id is the pid,
# 4242, as for a Linux process's first thread; its ident is a fixed number
# where CPython's is an address). Programs that only ask which thread they
# are on, or take a lock around their own code, run as in CPython.
# Starting a Thread (or a Timer) raises NotImplementedError naming the call:
# another thread's interleaving with the program is not deterministic on
# the virtual clock, so there is no single CPython output to reproduce
# (docs/differences.md).

import os as _os

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'setprofile',
           'settrace', 'local', 'stack_size', 'get_native_id', 'getprofile', 'gettrace']

TIMEOUT_MAX = 9223372036.0
_MAIN_IDENT = 140000000000000
ThreadError = RuntimeError


def _not_simulated(what):
    return NotImplementedError(
        f"{what} runs a function in another thread, which Loopscope does not "
        "simulate (threads interleave with the event loop differently from run "
        "to run); see docs/differences.md")


def _would_block(what):
    # The only thread waits for itself: CPython would hang forever.
    return RuntimeError(f"{what} would block the only thread forever "
                        "(no other thread can release it)")


class _LockBase:
    _kind = 'lock'

    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if self._count and not self._reentrant():
            if blocking and timeout < 0:
                raise _would_block(f"{type(self).__name__}.acquire()")
            return False
        self._count += 1
        return True

    def _reentrant(self):
        return False

    def release(self):
        if not self._count:
            raise RuntimeError(self._release_error)
        self._count -= 1

    def locked(self):
        return self._count > 0

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return f"<{state} _thread.{self._kind} object at {hex(id(self))}>"


class _Lock(_LockBase):
    _release_error = 'release unlocked lock'


class _RLock(_LockBase):
    _kind = 'RLock'
    _release_error = 'cannot release un-acquired lock'

    def _reentrant(self):
        return True

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        owner = _MAIN_IDENT if self._count else 0
        return (f"<{state} _thread.RLock object owner={owner} "
                f"count={self._count} at {hex(id(self))}>")


def Lock():
    return _Lock()


def RLock():
    return _RLock()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not self._value:
            if blocking and timeout is None:
                raise _would_block(f"{type(self).__name__}.acquire()")
            return False
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        # With a timeout, CPython waits real (not virtual) time and returns
        # False: the virtual clock does not move.
        if not self._flag and timeout is None:
            raise _would_block("Event.wait()")
        return self._flag


class Condition:
    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        if timeout is None:
            raise _would_block("Condition.wait()")
        return False

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if not result and timeout is None:
            raise _would_block("Condition.wait_for()")
        return result

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._parties = parties
        self._action = action
        self._timeout = timeout

    parties = property(lambda self: self._parties)
    n_waiting = property(lambda self: 0)
    broken = property(lambda self: False)

    def wait(self, timeout=None):
        if self._parties > 1:
            raise _would_block("Barrier.wait()")
        if self._action:
            self._action()
        return 0


_counter = 0


def _newname(name_template):
    global _counter
    _counter += 1
    return name_template % _counter


class Thread:
    _started = False

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = False if daemon is None else daemon
        self._ident = None

    def __repr__(self):
        status = "started" if self._started else "initial"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"

    def start(self):
        raise _not_simulated(f"{type(self).__name__}.start()")

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")

    name = property(lambda self: self._name)

    @name.setter
    def name(self, name):
        self._name = str(name)

    ident = property(lambda self: self._ident)
    native_id = property(lambda self: _os.getpid() if self._ident else None)

    def is_alive(self):
        return self._started

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def getName(self):
        return self._name


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}

    def cancel(self):
        pass


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = _MAIN_IDENT


_main_thread = _MainThread()


def current_thread():
    return _main_thread


currentThread = current_thread


def main_thread():
    return _main_thread


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _os.getpid()


def active_count():
    return 1


activeCount = active_count


def enumerate():
    return [_main_thread]


class local:
    pass


def stack_size(size=0):
    return 0


_profile_hook = None
_trace_hook = None


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def settrace(func):
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook
