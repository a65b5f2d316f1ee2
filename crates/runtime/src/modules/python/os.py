# Loopscope's os: what a program can see of a process that has no file
# system and no other process (see README): pid 4242, 4 CPUs, an empty
# environment, /home/loopscope as the current directory, and urandom()
# drawn from a generator seeded with the run's seed. The Rust half is posix.

import sys
from posix import cpu_count, getpid, getppid, urandom

import posixpath as path

name = "posix"
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
linesep = "\n"

_CWD = "/home/loopscope"


def getcwd():
    return _CWD


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), "__fspath__", None)
    if method is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    return method(p)


class PathLike:
    pass


def _str_expected(value):
    if not isinstance(value, str):
        raise TypeError(f"str expected, not {type(value).__name__}")
    return value


class _Environ:
    # os.environ: a mapping of str to str.
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[_str_expected(key)] = _str_expected(value)

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        return dict(self.items()) == (dict(other.items()) if isinstance(other, _Environ) else other)

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            return self._data.pop(key)
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kwargs):
        pairs = other.items() if hasattr(other, "items") else other
        for key, value in pairs:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self._data.clear()

    def __repr__(self):
        shown = ", ".join(f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{shown}}})"


environ = _Environ({})


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    pass


def unsetenv(key):
    pass


def strerror(code, /):
    # glibc's text of an error code, kept beside the codes in errno.
    if not isinstance(code, int):
        raise TypeError(f"'{type(code).__name__}' object cannot be interpreted as an integer")
    from errno import _messages
    return _messages.get(code, f"Unknown error {code}")


def get_terminal_size(fd=1):
    raise OSError(25, "Inappropriate ioctl for device")

# CPython's __all__, less what Loopscope lacks (docs/differences.md).
__all__ = [
    'altsep', 'curdir', 'pardir', 'sep', 'pathsep', 'linesep', 'defpath',
    'name', 'path', 'devnull', 'extsep', 'cpu_count', 'environ', 'fspath',
    'get_terminal_size', 'getcwd', 'getpid', 'getppid', 'putenv',
    'strerror', 'unsetenv', 'urandom', 'getenv',
]
