# Loopscope's io: StringIO and BytesIO as CPython's _io C types behave
# (positions, padding on a write past the end, the closed-file and argument
# errors), on one growing buffer each.

from _loopscope import c_type

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'


class _Buffer:
    __module__ = '_io'
    _closed_message = 'I/O operation on closed file.'

    def __init__(self, initial):
        self._value = initial
        self._pos = 0
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise ValueError(self._closed_message)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_open()
        return True

    writable = seekable = readable

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def getvalue(self):
        self._check_open()
        return self._value

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def read(self, size=-1):
        self._check_open()
        start = min(self._pos, len(self._value))
        end = len(self._value) if size is None or size < 0 else min(start + size, len(self._value))
        self._pos = max(self._pos, end)
        return self._value[start:end]

    def readline(self, size=-1):
        self._check_open()
        start = min(self._pos, len(self._value))
        end = self._value.find(self._newline, start)
        end = len(self._value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return self._value[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def write(self, s):
        self._check_open()
        s = self._accept(s)
        n = len(s)
        if not n:
            return 0
        value = self._value
        if self._pos > len(value):
            value = value + self._empty * (self._pos - len(value))
        if self._pos == len(value):
            self._value = value + s
        else:
            self._value = value[:self._pos] + s + value[self._pos + n:]
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._value = self._value[:size]
        return size


@c_type
class StringIO(_Buffer):
    __module__ = '_io'
    _closed_message = 'I/O operation on closed file'
    _newline = '\n'
    _empty = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        super().__init__(initial_value)

    def _accept(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        return s


@c_type
class BytesIO(_Buffer):
    __module__ = '_io'
    _newline = b'\n'
    _empty = b'\0'

    def __init__(self, initial_bytes=b''):
        super().__init__(bytes(initial_bytes))

    def _accept(self, s):
        if isinstance(s, str) or not hasattr(s, '__len__'):
            raise TypeError("a bytes-like object is required, not "
                            f"'{type(s).__name__}'")
        return bytes(s)


# CPython's __all__, less what Loopscope lacks (docs/differences.md).
__all__ = [
    'BytesIO', 'StringIO', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
    'SEEK_END', 'DEFAULT_BUFFER_SIZE',
]
