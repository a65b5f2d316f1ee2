# Loopscope's signal module: Linux's signal numbers as CPython 3.11's
# Signals/Handlers IntEnums, and handlers that are recorded but never
# delivered (a simulated program receives no signal from outside).
from enum import IntEnum as _IntEnum
from operator import index as _index

_NAMES = [
    ('SIGHUP', 1), ('SIGINT', 2), ('SIGQUIT', 3), ('SIGILL', 4), ('SIGTRAP', 5),
    ('SIGABRT', 6), ('SIGIOT', 6), ('SIGBUS', 7), ('SIGFPE', 8), ('SIGKILL', 9),
    ('SIGUSR1', 10), ('SIGSEGV', 11), ('SIGUSR2', 12), ('SIGPIPE', 13),
    ('SIGALRM', 14), ('SIGTERM', 15), ('SIGSTKFLT', 16), ('SIGCHLD', 17),
    ('SIGCLD', 17), ('SIGCONT', 18), ('SIGSTOP', 19), ('SIGTSTP', 20),
    ('SIGTTIN', 21), ('SIGTTOU', 22), ('SIGURG', 23), ('SIGXCPU', 24),
    ('SIGXFSZ', 25), ('SIGVTALRM', 26), ('SIGPROF', 27), ('SIGWINCH', 28),
    ('SIGIO', 29), ('SIGPOLL', 29), ('SIGPWR', 30), ('SIGSYS', 31),
    ('SIGRTMIN', 34), ('SIGRTMAX', 64),
]
Signals = _IntEnum('Signals', _NAMES, module='signal')
Handlers = _IntEnum('Handlers', [('SIG_DFL', 0), ('SIG_IGN', 1)], module='signal')
Sigmasks = _IntEnum('Sigmasks', [('SIG_BLOCK', 0), ('SIG_UNBLOCK', 1), ('SIG_SETMASK', 2)],
                    module='signal')
globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)
NSIG = 65
del _NAMES

_DESCRIPTIONS = {
    1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction',
    5: 'Trace/breakpoint trap', 6: 'Aborted', 7: 'Bus error',
    8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1',
    11: 'Segmentation fault', 12: 'User defined signal 2', 13: 'Broken pipe',
    14: 'Alarm clock', 15: 'Terminated', 16: 'Stack fault', 17: 'Child exited',
    18: 'Continued', 19: 'Stopped (signal)', 20: 'Stopped', 21: 'Stopped (tty input)',
    22: 'Stopped (tty output)', 23: 'Urgent I/O condition', 24: 'CPU time limit exceeded',
    25: 'File size limit exceeded', 26: 'Virtual timer expired',
    27: 'Profiling timer expired', 28: 'Window changed', 29: 'I/O possible',
    30: 'Power failure', 31: 'Bad system call',
}


def default_int_handler(signalnum, frame, /):
    raise KeyboardInterrupt


_handlers = {SIGINT: default_int_handler, SIGPIPE: SIG_IGN, SIGXFSZ: SIG_IGN}


def _number(signalnum):
    signalnum = _index(signalnum)
    if not 1 <= signalnum < NSIG:
        raise ValueError('signal number out of range')
    return signalnum


def getsignal(signalnum, /):
    return _handlers.get(_number(signalnum), SIG_DFL)


def signal(signalnum, handler, /):
    signalnum = _number(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, '
                        'or a callable object')
    if signalnum in (SIGKILL, SIGSTOP, 32, 33):
        raise OSError(22, 'Invalid argument')
    previous = getsignal(signalnum)
    _handlers[signalnum] = handler
    return previous


def valid_signals():
    return {Signals(n) if n in Signals._value2member_map_ else n
            for n in range(1, NSIG) if n not in (32, 33)}


def strsignal(signalnum, /):
    signalnum = _number(signalnum)
    if signalnum in (32, 33):
        return None
    if signalnum >= SIGRTMIN:
        return f'Real-time signal {signalnum - SIGRTMIN}'
    return _DESCRIPTIONS[signalnum]


def siginterrupt(signalnum, flag, /):
    _number(signalnum)


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    return -1
