# asyncio.exceptions: the exceptions of CPython 3.11.7's
# Lib/asyncio/exceptions.py (PSF license) that are written in Python there
# too (the engine has CancelledError, InvalidStateError, TimeoutError and
# BrokenBarrierError natively): what streams raise, and sendfile's.


class SendfileNotAvailableError(RuntimeError):
    pass


class IncompleteReadError(EOFError):

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)
