# Loopscope's hashlib: the algorithms CPython always has that programs use
# (md5, sha1, sha224, sha256, sha384, sha512), as objects with CPython's
# names, sizes, methods and messages; the digests are _hashlib's.

from _hashlib import _digest

_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64),
    'sha256': (32, 64), 'sha384': (48, 128), 'sha512': (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'new', 'algorithms_guaranteed', 'algorithms_available')


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if isinstance(data, bytes):
        return data
    try:
        return bytes(data)
    except TypeError:
        raise TypeError(f"object supporting the buffer API required") from None


class HASH:
    __module__ = '_hashlib'

    def __init__(self, name, data=b''):
        self.name = name
        self.digest_size, self.block_size = _SIZES[name]
        self._data = _as_bytes(data)

    def __repr__(self):
        return f"<{self.name} _hashlib.HASH object @ {hex(id(self))}>"

    def update(self, data):
        self._data += _as_bytes(data)

    def digest(self):
        return _digest(self.name, self._data)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = HASH(self.name)
        other._data = self._data
        return other


def new(name, data=b'', **kwargs):
    key = name.lower() if isinstance(name, str) else name
    if key not in _SIZES:
        raise ValueError(f"unsupported hash type {name}")
    return HASH(key, data)


def md5(string=b'', *, usedforsecurity=True):
    return HASH('md5', string)


def sha1(string=b'', *, usedforsecurity=True):
    return HASH('sha1', string)


def sha224(string=b'', *, usedforsecurity=True):
    return HASH('sha224', string)


def sha256(string=b'', *, usedforsecurity=True):
    return HASH('sha256', string)


def sha384(string=b'', *, usedforsecurity=True):
    return HASH('sha384', string)


def sha512(string=b'', *, usedforsecurity=True):
    return HASH('sha512', string)
